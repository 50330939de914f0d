import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { simulate } from '../../src/machines';
import {
  horizon as kernelHorizon,
  laterActions,
  MAX_TIME,
  MINUTE,
  type PlayerInput,
  TAIL_MS,
} from '../../src/machines/kernel/player';
import {
  ntServer,
  playerMachine,
  type ServerConfig,
  type SimEvent,
  timelineEnd,
} from '../../src/machines/nt-server';
import { decode, encode } from '../../src/machines/nt-server/link';

/** The scrubber's reach for an NT server (the kernel's horizon with the model's tail). */
const horizon = (tape: Parameters<typeof kernelHorizon>[0], at: number, config?: ServerConfig) =>
  kernelHorizon(tape, at, ntServer.tail(config));

const connect = { type: 'share.connect', computer: 'WKS1', share: 'TOOLS', user: 'Administrator' } as const;
const disconnect = { type: 'share.disconnect', computer: 'WKS1', share: 'TOOLS' } as const;

function start(input: PlayerInput<ServerConfig, SimEvent> = { config: { version: '3.51' } }) {
  return createActor(playerMachine, { input }).start();
}

describe('player: the reader’s tape and clock', () => {
  it('starts paused at t = 0 with the tape it was given', () => {
    const actor = start();

    const { context } = actor.getSnapshot();

    expect(actor.getSnapshot().value).toBe('paused');
    expect(context.at).toBe(0);
    expect(context.tape).toEqual([]);
  });

  it('advances by real time times the speed while playing, and not while paused', () => {
    const actor = start();

    actor.send({ type: 'clock.tick', ms: 1000 });
    const paused = actor.getSnapshot().context.at;
    actor.send({ type: 'clock.play' });
    actor.send({ type: 'clock.speed', speed: 600 });
    actor.send({ type: 'clock.tick', ms: 1000 });

    expect(paused).toBe(0);
    expect(actor.getSnapshot().context.at).toBe(10 * MINUTE);
  });

  it('stops at the end of the scrubber instead of running on', () => {
    const actor = start();
    actor.send({ type: 'clock.speed', speed: 600 });
    actor.send({ type: 'clock.play' });

    actor.send({ type: 'clock.tick', ms: 5_000 });
    const before = actor.getSnapshot();
    actor.send({ type: 'clock.tick', ms: 5_000 });

    expect(before.value).toBe('playing');
    expect(before.context.at).toBe(50 * MINUTE);
    expect(actor.getSnapshot().value).toBe('paused');
    expect(actor.getSnapshot().context.at).toBe(horizon([], 0));
  });

  it('ignores a speed that is not offered', () => {
    const actor = start();

    actor.send({ type: 'clock.speed', speed: 7 });

    expect(actor.getSnapshot().context.speed).toBe(60);
  });

  it('records a reader action at the current time and drops what was recorded after it', () => {
    const actor = start();
    actor.send({ type: 'tape.record', event: connect });
    actor.send({ type: 'clock.jump', ms: 2 * MINUTE });
    actor.send({ type: 'tape.record', event: disconnect });

    actor.send({ type: 'clock.seek', at: MINUTE });
    actor.send({ type: 'tape.record', event: { type: 'file.open', computer: 'WKS1', share: 'TOOLS' } });

    expect(actor.getSnapshot().context.tape.map((e) => [e.at, e.event.type])).toEqual([
      [0, 'share.connect'],
      [MINUTE, 'file.open'],
    ]);
  });

  it('rewinding is a replay: seeking back shows the earlier view again', () => {
    const actor = start();
    actor.send({ type: 'tape.record', event: connect });
    actor.send({ type: 'clock.jump', ms: MINUTE });
    actor.send({ type: 'tape.record', event: disconnect });
    const config = actor.getSnapshot().context.config;
    const early = simulate(config, actor.getSnapshot().context.tape, 30_000);

    actor.send({ type: 'clock.jump', ms: 5 * MINUTE });
    actor.send({ type: 'clock.seek', at: 30_000 });
    const { tape, at } = actor.getSnapshot().context;

    expect(simulate(config, tape, at)).toEqual(early);
  });

  it('jumps to the next autodisconnect, or says there is none', () => {
    const actor = start();
    actor.send({ type: 'tape.record', event: connect });
    actor.send({ type: 'tape.record', event: disconnect });

    actor.send({ type: 'clock.next' });
    const dropped = actor.getSnapshot().context;
    actor.send({ type: 'clock.next' });

    expect(dropped.at).toBe(15 * MINUTE);
    expect(simulate(dropped.config, dropped.tape, dropped.at).connections).toEqual([]);
    expect(actor.getSnapshot().context.at).toBe(15 * MINUTE);
    expect(actor.getSnapshot().context.notice).toMatch(/No autodisconnect is due/);
  });

  it('refuses a configuration the kernel rejects, with its message, and keeps the old one', () => {
    const actor = start();

    actor.send({ type: 'config.set', config: { version: '3.51', licenseLimit: 0 } });

    expect(actor.getSnapshot().context.config).toEqual({ version: '3.51' });
    expect(actor.getSnapshot().context.notice).toBeTruthy();
  });

  it('seeking while playing pauses, and reset returns to the starting tape', () => {
    const actor = start({ config: { version: '4.0' }, tape: [{ at: 0, event: connect }] } as never);
    actor.send({ type: 'clock.play' });

    actor.send({ type: 'clock.seek', at: 90_000 });
    const afterSeek = actor.getSnapshot();
    actor.send({ type: 'tape.record', event: disconnect });
    actor.send({ type: 'player.reset' });

    expect(afterSeek.value).toBe('paused');
    expect(afterSeek.context.at).toBe(90_000);
    expect(actor.getSnapshot().context.tape).toEqual([{ at: 0, event: connect }]);
    expect(actor.getSnapshot().context.at).toBe(0);
  });

  it('never lets time go below zero', () => {
    const actor = start();

    actor.send({ type: 'clock.seek', at: -5000 });
    actor.send({ type: 'clock.jump', ms: -MINUTE });

    expect(actor.getSnapshot().context.at).toBe(0);
  });
});

describe('horizon: how far the scrubber reaches', () => {
  it('is at least an hour, and reaches past the last action by the autodisconnect time and more', () => {
    expect(horizon([], 0)).toBe(60 * MINUTE);
    expect(horizon([{ at: 70 * MINUTE, event: connect }], 0)).toBe(90 * MINUTE);
    expect(
      horizon([{ at: 70 * MINUTE, event: connect }], 0, { version: '3.51', autodisconnectMinutes: 30 }),
    ).toBe(105 * MINUTE);
    expect(horizon([], 200 * MINUTE)).toBe(200 * MINUTE);
  });

  it('Play at the end of the scrubber runs on for another stretch and stops there', () => {
    const actor = start();
    actor.send({ type: 'clock.seek', at: 60 * MINUTE });
    actor.send({ type: 'clock.jump', ms: 5 * MINUTE });
    actor.send({ type: 'clock.speed', speed: 600 });

    actor.send({ type: 'clock.play' });
    const end = timelineEnd(actor.getSnapshot().context);
    for (let i = 0; i < 20; i++) actor.send({ type: 'clock.tick', ms: 1000 });

    expect(end).toBe(65 * MINUTE + TAIL_MS);
    expect(actor.getSnapshot().value).toBe('paused');
    expect(actor.getSnapshot().context.at).toBe(end);
  });

  it('the scrubber remembers how far the reader has been: Home then End comes back there', () => {
    const actor = start();
    actor.send({ type: 'clock.jump', ms: 90 * MINUTE });

    actor.send({ type: 'clock.seek', at: 0 });
    const end = timelineEnd(actor.getSnapshot().context);
    actor.send({ type: 'clock.seek', at: end });

    expect(end).toBe(90 * MINUTE);
    expect(actor.getSnapshot().context.at).toBe(90 * MINUTE);
  });

  it('never goes past the 7 days a link can carry, and says so', () => {
    const actor = start();

    actor.send({ type: 'clock.jump', ms: 8 * 24 * 60 * MINUTE });
    const { at, notice } = actor.getSnapshot().context;
    actor.send({ type: 'clock.play' });

    expect(at).toBe(MAX_TIME);
    expect(notice).toMatch(/first 7 days/);
    expect(actor.getSnapshot().value).toBe('paused');
  });

  it('an autodisconnect beyond 7 days is named, not jumped to, so every moment shown can be shared', () => {
    const actor = start({ config: { version: '3.51', autodisconnectMinutes: 65535 } });
    actor.send({ type: 'tape.record', event: connect });
    actor.send({ type: 'tape.record', event: disconnect });

    actor.send({ type: 'clock.next' });
    const { config, tape, at, notice } = actor.getSnapshot().context;

    expect(at).toBe(0);
    expect(notice).toMatch(/beyond the 7 days/);
    expect(decode(encode({ config, tape, at })).ok).toBe(true);
  });

  it('counts every change to the tape or setup, so views can clear messages about the last one', () => {
    const actor = start();

    actor.send({ type: 'tape.record', event: connect });
    actor.send({ type: 'config.set', config: { version: '4.0' } });
    actor.send({ type: 'player.reset' });
    actor.send({ type: 'clock.jump', ms: MINUTE });

    expect(actor.getSnapshot().context.revision).toBe(3);
  });

  it('a notice outlasts playback’s ticks, and playback that reaches the 7-day limit says so', () => {
    const actor = start();
    actor.send({ type: 'clock.play' });
    actor.send({ type: 'clock.next' });
    const notice = actor.getSnapshot().context.notice;

    actor.send({ type: 'clock.tick', ms: 16 });
    const afterTick = actor.getSnapshot().context.notice;
    actor.send({ type: 'clock.pause' });
    actor.send({ type: 'clock.seek', at: MAX_TIME - MINUTE });
    actor.send({ type: 'clock.play' });
    actor.send({ type: 'clock.tick', ms: 1000 });

    expect(notice).toMatch(/No autodisconnect is due/);
    expect(afterTick).toBe(notice);
    expect(actor.getSnapshot().value).toBe('paused');
    expect(actor.getSnapshot().context.at).toBe(MAX_TIME);
    expect(actor.getSnapshot().context.notice).toMatch(/first 7 days/);
  });
});

describe('recording over later actions', () => {
  const tape = [
    { at: 0, event: connect },
    { at: MINUTE, event: { type: 'file.open', computer: 'WKS1', share: 'TOOLS' } as const },
    { at: 2 * MINUTE, event: disconnect },
  ];

  it('says how many later actions the recording replaced, and Undo puts the tape back', () => {
    const actor = start({ config: { version: '3.51' }, tape });
    actor.send({ type: 'clock.seek', at: 30_000 });

    expect(laterActions(actor.getSnapshot().context)).toBe(2);
    actor.send({ type: 'tape.record', event: { type: 'licensing.stop' } });
    const recorded = actor.getSnapshot().context;
    actor.send({ type: 'tape.undo' });

    expect(recorded.tape).toHaveLength(2);
    expect(recorded.notice).toMatch(/replacing 2 later actions/);
    expect(recorded.replaced?.count).toBe(2);
    expect(actor.getSnapshot().context.tape).toEqual(tape);
    expect(actor.getSnapshot().context.replaced).toBeNull();
    expect(actor.getSnapshot().context.notice).toMatch(/Undone: 2 later actions back/);
  });

  it('recording at the end replaces nothing and offers no undo', () => {
    const actor = start({ config: { version: '3.51' }, tape });
    actor.send({ type: 'clock.seek', at: 3 * MINUTE });

    actor.send({ type: 'tape.record', event: { type: 'licensing.stop' } });
    const before = actor.getSnapshot().context;
    actor.send({ type: 'tape.undo' });

    expect(before.replaced).toBeNull();
    expect(before.notice).toBeNull();
    expect(actor.getSnapshot().context.tape).toHaveLength(4);
  });

  it('a new recording, a load or a reset forgets what could be undone', () => {
    const actor = start({ config: { version: '3.51' }, tape });
    actor.send({ type: 'clock.seek', at: 0 });
    actor.send({ type: 'tape.record', event: { type: 'licensing.stop' } });
    actor.send({ type: 'player.reset' });

    expect(actor.getSnapshot().context.replaced).toBeNull();
  });
});

describe('player: time and caps kept in the machine, not in the handlers', () => {
  it('a frame older than the last one never moves the clock back', () => {
    const actor = start({ config: { version: '3.51' }, at: 60_000 });
    actor.send({ type: 'clock.play' });
    actor.send({ type: 'clock.tick', ms: -16 });
    actor.send({ type: 'clock.tick', ms: Number.NaN });
    expect(actor.getSnapshot().context.at).toBe(60_000);
  });

  it('refuses the action past the cap however many arrive at once, and says so', () => {
    const tape = Array.from({ length: 2000 }, (_, i) => ({
      at: i * 1000,
      event: i % 2 ? disconnect : connect,
    }));
    const actor = start({ config: { version: '3.51' }, tape, at: 2000 * 1000 });
    actor.send({ type: 'tape.record', event: connect });
    actor.send({ type: 'tape.record', event: connect });
    const { context } = actor.getSnapshot();
    expect(context.tape).toHaveLength(2000);
    expect(context.notice).toMatch(/at most 2000 actions/);
  });

  it('checks only the new action: a bad one is refused with the model’s reason, the tape unchanged', () => {
    const actor = start();
    actor.send({ type: 'tape.record', event: { type: 'share.connect', computer: 'WKS9', share: 'PUBLIC' } });
    expect(actor.getSnapshot().context.tape).toEqual([]);
    expect(actor.getSnapshot().context.notice).toMatch(/unknown computer "WKS9"/);
  });
});
