import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decode, type LinkState, simulate } from '../../src/machines';
import corpus from './fixtures/links-v1.json';
import long from './fixtures/links-v1-long.json';

/*
 * Links made by the published link format 1 (encode() as of commit f91243f, before the
 * event registry). A link encoded by any published version must open the same moment
 * forever (DESIGN.md, "Share a moment"), so this file is append-only: never edit an entry,
 * add new corpora for new formats. The view summaries pin only what the design does not
 * intend to change (which connections Server Manager lists, and the licence figures);
 * tapes generated at random carry no summary, because later rows of the design (the
 * client's uses reconnecting, autodisconnect 0 waiting a few seconds) may change them.
 * One deliberate change since the corpus was made: NT 3.5 has no License Logging service and
 * counts no licences (DESIGN row 4, Q122925), so on 3.5 the licence figures are expected as 0, not logging.
 */

interface Entry {
  name: string;
  link: string;
  decoded: LinkState;
  view?: {
    connections: {
      computer: string;
      share: string;
      shownUser: string;
      account: string | null;
      opens: number;
    }[];
    inUse: number;
    logging: boolean;
    limit: number;
  };
}

const links = corpus.links as Entry[];

describe('link corpus, format 1', () => {
  it('holds about thirty links', () => {
    expect(links.length).toBeGreaterThanOrEqual(30);
  });

  it.each(links.map((e) => [e.name, e] as const))(
    '%s decodes to exactly its stored state',
    (_name, entry) => {
      expect(decode(entry.link)).toEqual({ ok: true, value: entry.decoded });
    },
  );

  it.each(links.filter((e) => e.view).map((e) => [e.name, e] as const))(
    '%s still shows the same connections and licences',
    (_name, entry) => {
      const { config, tape, at } = entry.decoded;
      const view = simulate(config, tape, at);
      const expected = config.version === '3.5' ? { ...entry.view, inUse: 0, logging: false } : entry.view;
      expect({
        connections: view.connections.map(({ computer, share, shownUser, account, opens }) => ({
          computer,
          share,
          shownUser,
          account,
          opens,
        })),
        inUse: view.licenses.inUse,
        logging: view.licenses.logging,
        limit: view.licenses.limit,
      }).toEqual(expected);
    },
  );
});

/*
 * Long links of format 1: 1,700 and 2,000 actions (8,488 and 9,966 characters), made and read by
 * link.ts as of commit f91243f, which had no length limit. Each stores what that decoder read,
 * as a SHA-256 of its config, time and tape, one line per action.
 */
describe('long links of format 1 (over 8 KB) keep their meaning', () => {
  const digest = (v: LinkState) =>
    createHash('sha256')
      .update(
        [
          JSON.stringify(v.config),
          v.at,
          ...v.tape.map((e) => {
            const ev = e.event as Record<string, unknown>;
            return [e.at, ev.type, ev.computer ?? '', ev.share ?? '', ev.user ?? '', ev.minutes ?? ''].join(
              '|',
            );
          }),
        ].join('\n'),
      )
      .digest('hex');

  it.each(long.map((e) => [e.entries, e] as const))(
    '%i actions decode as the old decoder read them',
    (_n, entry) => {
      expect(entry.link.length).toBeGreaterThan(8192);
      const result = decode(entry.link);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.value.tape).toHaveLength(entry.entries);
      expect(result.value.at).toBe(entry.at);
      expect(digest(result.value)).toBe(entry.sha256);
      expect(() => simulate(result.value.config, result.value.tape, result.value.at)).not.toThrow();
    },
  );
});
