import { describe, expect, it } from 'vitest';
import { diffSummary, diffViews, simulate } from '../../src/machines';
import { connect, disconnect, MIN, tape } from './helpers';

/* Side by side (src/machines/nt-server/compare.ts): what differs between two views of one tape. */

describe('diffViews', () => {
  const t = tape([0, connect('WKS1', 'PUBLIC')], [MIN, disconnect('WKS1', 'PUBLIC')]);

  it('names the rows, licences, session states and counters that differ, in one sentence', () => {
    const a = simulate({ version: '3.51' }, t);
    const b = simulate({ version: '4.0' }, t);
    const d = diffViews(a, b);
    expect(d).toMatchObject({
      same: false,
      rows: ['WKS1/IPC$'],
      rowsInB: [],
      licences: true,
      uses: [],
      sessions: ['WKS1'],
      counters: ['sessionsLoggedOff'],
    });
    expect(diffSummary(a, b, ['NT 3.51', 'NT 4.0'])).toBe(
      'Right now NT 3.51 lists 1 connection, including IPC$ from WKS1 (shown as WKS1); 1 licence in use; NT 4.0 lists no connections; 0 licences in use.',
    );
  });

  it('says when both show the same, and what else differs when only that does', () => {
    const a = simulate({ version: '3.51' }, t, 30 * MIN);
    expect(diffSummary(a, simulate({ version: '4.0' }, t, 30 * MIN))).toBe(
      'Right now both servers show the same connections and licences (lists no connections; 0 licences in use), but differ in Sessions Timed Out, Sessions Errored Out, Sessions Logged Off.',
    );
    const [x, y] = [simulate({ version: '3.51' }, []), simulate({ version: '4.0' }, [])];
    expect(diffViews(x, y).same).toBe(true);
    expect(diffSummary(x, y)).toBe(
      'Right now both servers show the same: lists no connections; 0 licences in use.',
    );
  });
});
