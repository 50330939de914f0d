import { describe, expect, it } from 'vitest';
import { toScenario } from '../../src/lib/article-data';
import {
  describeEvent,
  formatElapsed,
  narrationFor,
  nextAutodisconnect,
  type Scenario,
  scenarioTape,
  type simulate,
  speakElapsed,
} from '../../src/machines';
import { transcript } from '../../src/machines/scenarios';
import { article } from './content';
import { connect, disconnect, MIN, open, SEC, tape } from './helpers';

// Q153066's own scenarios, as the article tells them (content tests: the kernel names no article).
const data = article('q153066').data;
const scenarios = Object.fromEntries(
  Object.entries(data.scenarios).map(([id, raw]) => [id, toScenario(id, raw)]),
) as Record<string, Scenario>;

const shareList = (view: ReturnType<typeof simulate>, computer: string) =>
  view.connections.filter((c) => c.computer === computer).map((c) => c.share);

describe('scenarios', () => {
  it('narration follows the version on screen', () => {
    const step = scenarios['connect-as'].steps[3];
    expect(narrationFor(step, '3.51')).toMatch(/IPC\$ is still listed/);
    expect(narrationFor(step, '4.0')).not.toMatch(/IPC\$ is still listed/);
  });

  it('connect-as: IPC$ lingers on 3.51 until autodisconnect at 17:00, never on 4.0', () => {
    const rows = transcript(scenarios['connect-as'] as Scenario);
    const after = rows.find((r) => r.at === 2 * MIN) ?? rows[0];
    const wait = rows.find((r) => r.at === 10 * MIN) ?? rows[0];
    const end = rows.at(-1) ?? rows[0];

    expect(shareList(rows[0].views['3.51'], 'WKS1')).toEqual(['IPC$', 'TOOLS']);
    expect(shareList(rows[0].views['4.0'], 'WKS1')).toEqual(['TOOLS']);
    expect(after.views['3.51'].connections).toEqual([
      expect.objectContaining({ share: 'IPC$', shownUser: 'WKS1', account: null }),
    ]);
    expect(wait.views['3.51'].licenses.inUse).toBe(1);
    expect(wait.views['4.0'].licenses.inUse).toBe(0);
    expect(end.views['3.51'].connections).toEqual([]);
    expect(end.views['3.51'].log.at(-1)).toMatchObject({ kind: 'autodisconnect', at: 17 * MIN });
  });

  it('licence-blocks: 71 for mlee, Administrator let in over the limit, mlee in after autodisconnect', () => {
    const rows = transcript(scenarios['licence-blocks'], ['3.51', '4.0']);
    const at = (t: number) => rows.find((r) => r.at === t) ?? rows[0];

    expect(at(2 * MIN).views['3.51'].log.at(-1)?.error).toBe(71);
    expect(at(2 * MIN).views['4.0'].log.at(-1)?.error).toBeUndefined();
    expect(at(3 * MIN).views['3.51'].licenses.inUse).toBe(2);
    expect(at(3 * MIN).views['4.0'].log.at(-1)?.error).toBe(1219);
    expect(at(16 * MIN).views['3.51'].licenses.inUse).toBe(1);
    expect(at(19 * MIN).views['3.51'].licenses.inUse).toBe(0);
    expect(at(19 * MIN).views['4.0'].connections).toEqual([]);
    for (const v of ['3.51', '4.0']) {
      expect(shareList(at(20 * MIN).views[v], 'WKS2')).toContain('PUBLIC');
      expect(at(20 * MIN).views[v].licenses.inUse).toBe(1);
    }
  });

  it('same-computer: jsmith is checked as jsmith, refused TOOLS with 5, then gets PUBLIC', () => {
    const rows = transcript(scenarios['same-computer'], ['3.51']);

    expect(rows[2].views['3.51'].log.at(-1)?.error).toBe(5);
    expect(shareList(rows[2].views['3.51'], 'WKS1')).toEqual(['IPC$']);
    expect(rows[3].views['3.51'].connections.every((c) => c.account === 'jsmith')).toBe(true);
  });

  it('event-less steps contribute no tape entries', () => {
    const s = scenarios['connect-as'] as Scenario;

    expect(scenarioTape(s)).toHaveLength(s.steps.filter((step) => step.event).length);
  });
});

describe('text helpers', () => {
  it('formatElapsed writes h:mm:ss with hours past 24', () => {
    expect(formatElapsed(0)).toBe('00:00:00');
    expect(formatElapsed(14 * MIN + 30 * SEC)).toBe('00:14:30');
    expect(formatElapsed(25 * 60 * MIN + SEC)).toBe('25:00:01');
  });

  it('speakElapsed says it in words', () => {
    expect(speakElapsed(0)).toBe('at the start');
    expect(speakElapsed(14 * MIN + 30 * SEC)).toBe('14 minutes 30 seconds after the start');
    expect(speakElapsed(60 * MIN + MIN + SEC)).toBe('1 hour 1 minute 1 second after the start');
  });

  it('describeEvent names CONNECT AS only when the account differs from the logged-on user', () => {
    expect(describeEvent(connect('WKS1', 'TOOLS', 'Administrator'))).toBe(
      'WKS1 connects to \\\\NTSERVER\\TOOLS as Administrator (CONNECT AS)',
    );
    expect(describeEvent(connect('WKS1', 'PUBLIC'))).toBe('WKS1 connects to \\\\NTSERVER\\PUBLIC as jsmith');
    expect(describeEvent({ type: 'autodisconnect.set', minutes: -1 })).toBe(
      'Autodisconnect is turned off (-1)',
    );
  });
});

describe('nextAutodisconnect', () => {
  const t = tape([0, connect('WKS1', 'PUBLIC')], [2 * MIN, disconnect('WKS1', 'PUBLIC')]);

  it('finds the next drop after t, including those after the last entry', () => {
    expect(nextAutodisconnect({ version: '3.51' }, t, 0)).toBe(17 * MIN);
    expect(nextAutodisconnect({ version: '3.51' }, t, 17 * MIN)).toBeNull();
  });

  it('is null on 4.0 when sessions end by themselves, and when autodisconnect is off or files are open', () => {
    expect(nextAutodisconnect({ version: '4.0' }, t, 0)).toBeNull();
    expect(nextAutodisconnect({ version: '3.51', autodisconnectMinutes: -1 }, t, 0)).toBeNull();
    expect(
      nextAutodisconnect(
        { version: '3.51' },
        tape([0, connect('WKS1', 'PUBLIC')], [MIN, open('WKS1', 'PUBLIC')]),
        0,
      ),
    ).toBeNull();
  });

  it('reports drops that happen between tape entries', () => {
    const long = [...t, { at: 60 * MIN, event: connect('WKS2', 'PUBLIC') }];

    expect(nextAutodisconnect({ version: '3.51' }, long, 5 * MIN)).toBe(17 * MIN);
    expect(nextAutodisconnect({ version: '3.51' }, long, 17 * MIN)).toBe(75 * MIN);
  });
});
