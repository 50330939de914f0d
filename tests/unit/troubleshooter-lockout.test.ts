import { describe, expect, it } from 'vitest';
import { loadFlow, resultFiles } from '../../src/integrations/troubleshooter-check';
import { momentHref } from '../../src/lib/links';
import { codecOf } from '../../src/machines/models';
import { type DomainConfig, type DomainView, simulate, type TapeEntry } from '../../src/machines/nt-domain';
import { type Answers, renderResult, resultFor } from '../../src/machines/troubleshooter';

/*
 * The account lockout paths of the troubleshooter (KB Q191828, Q219898, Q297157, Q128009, Q245072):
 * each result's deep link, decoded by the nt-domain codec, opens a moment that shows what the result
 * says, and the tape played on from it (the fix) does what its actions promise.
 */

const { flow } = loadFlow(resultFiles(['src/content/docs']));
const { tree } = flow;

/** One answer set per lockout result, the way a reader would give it. */
const CASES: Record<string, Answers> = {
  'old-password-retrier': { see: 'lockout', relock: 'yes' },
  'unc-counts-three': { see: 'lockout', relock: 'no', mistakes: 'unc' },
  'counts-add-up': { see: 'lockout', relock: 'no', mistakes: 'places' },
  'policy-working': { see: 'lockout', relock: 'no', mistakes: 'many' },
  'bdc-catches-up': { see: 'phantom', unlocked: 'yes' },
  'bdc-out-of-step': { see: 'phantom', unlocked: 'no' },
};

interface Opened {
  article: string;
  island: string;
  config: DomainConfig;
  tape: TapeEntry[];
  at: number;
  /** The domain at the moment. */
  view: DomainView;
  /** The domain a minute after the last tape entry: the fix played on. */
  later: DomainView;
  /** The same moment on another version (what side by side shows beside it). */
  on: (version: '3.51' | '4.0') => DomainView;
}

function open(id: string): Opened {
  const answers = CASES[id] as Answers;
  expect(resultFor(tree, answers)).toBe(id);
  const d = renderResult(flow, id, answers);
  expect(d.moment.model).toBe('nt-domain');
  const href = momentHref(d.article, d.moment.simulation, d.moment.state, d.moment.model);
  const url = new URL(href, 'https://livekb.example');
  const island = url.hash.slice(1);
  const decoded = codecOf('nt-domain').decode(url.searchParams.get(island) ?? '');
  if (!decoded.ok) throw new Error(`${href}: ${decoded.error.message}`);
  const { config, tape, at } = decoded.value as { config: DomainConfig; tape: TapeEntry[]; at: number };
  const end = Math.max(at, ...tape.map((e) => e.at)) + 60_000;
  return {
    article: d.article,
    island,
    config,
    tape,
    at,
    view: simulate(config, tape, at),
    later: simulate(config, tape, end),
    on: (version) => simulate({ ...config, version }, tape, at),
  };
}

const dc = (view: DomainView, name: string, user = 'jsmith') =>
  view.dcs.find((d) => d.name === name)?.accounts.find((a) => a.user === user);
const account = (view: DomainView, user = 'jsmith') => view.accounts.find((a) => a.user === user);
const computer = (view: DomainView, name: string) => view.computers.find((c) => c.name === name);

describe('troubleshooter, account lockout: deep links reproduce what they describe', () => {
  it('every lockout path leads to its result, and every result of the five articles has a case here', () => {
    const lockoutArticles = ['Q191828', 'Q219898', 'Q297157', 'Q128009', 'Q245072'];
    const theirs = Object.entries(flow.results)
      .filter(([, r]) => lockoutArticles.includes(r.article))
      .map(([rid]) => rid);
    expect(theirs.sort()).toEqual(Object.keys(CASES).sort());
  });

  it('old-password-retrier (Q191828): a program at WKS1 has locked jsmith out; stopped, then unlocked, jsmith logs on', () => {
    const o = open('old-password-retrier');
    expect(o.article).toBe('Q191828');
    expect(o.island).toBe('play');
    expect(computer(o.view, 'WKS1')?.retrier).not.toBeNull();
    expect(account(o.view)?.lockedOut).toBe(true);
    // Nobody typed: every refusal so far came from the program.
    expect(o.view.log.filter((e) => e.error !== undefined).every((e) => e.auto)).toBe(true);
    expect(computer(o.later, 'WKS1')?.retrier).toBeNull();
    expect(account(o.later)?.lockedOut).toBe(false);
    expect(computer(o.later, 'WKS1')?.lastOutcome).toBe('Logged on');
  });

  it('unc-counts-three (Q219898): two UNC mistakes lock the account at a threshold of five', () => {
    const o = open('unc-counts-three');
    expect(o.view.policy.lockoutThreshold).toBe(5);
    const mistakes = o.view.log.filter((e) => e.error === 1326);
    expect(mistakes.map((e) => e.via)).toEqual(['unc', 'unc']);
    expect(dc(o.view, 'PDC1')?.badPasswordCount).toBe(5);
    expect(account(o.view)?.lockedOut).toBe(true);
    expect(computer(o.later, 'WKS1')?.lastOutcome).toBe('Logged on');
  });

  it('counts-add-up (Q297157): mistakes at WKS1 and WKS2 lock the account on 4.0 though BDC1 shows fewer; not on 3.51', () => {
    const o = open('counts-add-up');
    expect(o.island).toBe('compare');
    const nt4 = o.on('4.0');
    expect(account(nt4)?.lockedOut).toBe(true);
    expect(dc(nt4, 'BDC1')?.badPasswordCount).toBeLessThan(nt4.policy.lockoutThreshold);
    expect(dc(nt4, 'PDC1')?.badPasswordCount).toBe(nt4.policy.lockoutThreshold);
    expect(account(o.on('3.51'))?.lockedOut).toBe(false);
  });

  it('policy-working (Q128009): three mistakes lock mlee; the lockout runs out and mlee logs on unaided', () => {
    const o = open('policy-working');
    expect(account(o.view, 'mlee')?.lockedOut).toBe(true);
    expect(computer(o.view, 'WKS2')?.lastOutcome).toBe('Refused with error 1909');
    expect(o.tape.some((e) => e.event.type === 'admin.unlock')).toBe(false);
    expect(computer(o.later, 'WKS2')?.lastOutcome).toBe('Logged on');
  });

  it('bdc-catches-up (Q297157): after the unlock BDC1 still holds the old figures; 3.51 refuses, 4.0 lets in; the pulse clears it', () => {
    const o = open('bdc-catches-up');
    expect(o.island).toBe('compare');
    const nt4 = o.on('4.0');
    expect(dc(nt4, 'PDC1')?.badPasswordCount).toBe(0);
    expect(dc(nt4, 'BDC1')?.badPasswordCount).toBe(3);
    expect(dc(nt4, 'BDC1')?.lockedOut).toBe(true);
    expect(computer(nt4, 'WKS1')?.lastOutcome).toBe('Logged on');
    const nt351 = o.on('3.51');
    expect(dc(nt351, 'PDC1')?.lockedOut).toBe(false);
    expect(computer(nt351, 'WKS1')?.lastOutcome).toBe('Refused with error 1909');
    // Played on to the next pulse (every syncMinutes from the start), BDC1 has the unlock on both versions.
    const pulse = (o.config.syncMinutes ?? 5) * 60_000;
    const afterPulse = Math.ceil((o.at + 1) / pulse) * pulse + 1_000;
    for (const version of ['3.51', '4.0'] as const)
      expect(dc(simulate({ ...o.config, version }, o.tape, afterPulse), 'BDC1')?.lockedOut).toBe(false);
  });

  it('bdc-out-of-step (Q245072): User Manager’s PDC says unlocked, WKS1 is refused with 1909; Synchronize clears BDC1', () => {
    const o = open('bdc-out-of-step');
    expect(o.article).toBe('Q245072');
    expect(o.island).toBe('play');
    expect(dc(o.view, 'PDC1')?.lockedOut).toBe(false);
    expect(dc(o.view, 'BDC1')?.lockedOut).toBe(true);
    expect(computer(o.view, 'WKS1')?.lastOutcome).toBe('Refused with error 1909');
    expect(o.tape.some((e) => e.event.type === 'admin.sync')).toBe(true);
    expect(dc(o.later, 'BDC1')?.lockedOut).toBe(false);
  });
});
