import { describe, expect, it } from 'vitest';
import { decode, type LinkState, simulate } from '../../src/machines';
import corpus from './fixtures/links-v1.json';

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
