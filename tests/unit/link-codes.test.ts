import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, EVENTS, LINK_CODES } from '../../src/machines';

/**
 * Link format 1's code table as first published: built by a loop over the world. Copied here
 * verbatim so the frozen literal table in events.ts can be checked against it forever.
 */
function publishedV1Codes(): [string, string?, string?, string?][] {
  const codes: [string, string?, string?, string?][] = [
    ['licensing.stop'],
    ['licensing.start'],
    ['autodisconnect.set'],
  ];
  const users = [undefined, 'Administrator', 'jsmith', 'mlee'];
  for (const computer of ['WKS1', 'WKS2']) {
    for (const share of ['PUBLIC', 'TOOLS']) {
      for (const user of users) {
        codes.push(
          user === undefined ? ['share.connect', computer, share] : ['share.connect', computer, share, user],
        );
      }
      codes.push(['share.disconnect', computer, share]);
      codes.push(['file.open', computer, share]);
      codes.push(['file.close', computer, share]);
    }
  }
  return codes;
}

describe('link codes (append-only)', () => {
  it('codes 0-30 are exactly link format 1 as published', () => {
    const v1 = publishedV1Codes();
    expect(v1).toHaveLength(31);
    expect(LINK_CODES.slice(0, 31).map((row) => [...row])).toEqual(v1);
  });

  it('codes 31 and up are the registry additions, in their published order', () => {
    // Extend this list when codes are appended; never change a line already in it.
    expect(LINK_CODES.slice(31).map((row) => row.join(' '))).toEqual([
      'licensing.limit',
      'share.connect WKS1 IPC$',
      'share.connect WKS1 IPC$ Administrator',
      'share.connect WKS1 IPC$ jsmith',
      'share.connect WKS1 IPC$ mlee',
      'share.disconnect WKS1 IPC$',
      'share.connect WKS2 IPC$',
      'share.connect WKS2 IPC$ Administrator',
      'share.connect WKS2 IPC$ jsmith',
      'share.connect WKS2 IPC$ mlee',
      'share.disconnect WKS2 IPC$',
      'admin.disconnect WKS1 IPC$',
      'admin.disconnect WKS1 PUBLIC',
      'admin.disconnect WKS1 TOOLS',
      'admin.disconnect WKS2 IPC$',
      'admin.disconnect WKS2 PUBLIC',
      'admin.disconnect WKS2 TOOLS',
      'registry.autodisconnect',
      'server.restart',
      'session.delete WKS1',
      'session.delete WKS2',
    ]);
  });

  it('no two codes stand for the same event', () => {
    const keys = LINK_CODES.map((row) => row.join('|'));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('every event the registry allows has a code, and every code names a known event', () => {
    const has = new Set(LINK_CODES.map((row) => row.join('|')));
    for (const type of EVENT_TYPES) {
      // Every combination of the event's name fields (an optional one may be left out).
      let rows: string[][] = [[type]];
      for (const field of Object.values(EVENTS[type].fields)) {
        if (field.kind !== 'name') continue;
        const values = field.optional ? [undefined, ...field.values] : field.values;
        rows = rows.flatMap((row) => values.map((v) => (v === undefined ? row : [...row, v])));
      }
      for (const row of rows) expect(has.has(row.join('|')), row.join('|')).toBe(true);
    }
    for (const [type] of LINK_CODES) expect(EVENT_TYPES).toContain(type);
  });
});
