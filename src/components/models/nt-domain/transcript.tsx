import { type DomainEvent, describeEvent } from '../../../machines/nt-domain';
import type { TranscriptView } from '../transcript';
import { DomainPicture } from './DomainPicture';
import { type PictureDomainView, REFUSALS } from './view';

/** What happened at this moment, in the log's words, refusals with NT's error number. */
function happened(view: PictureDomainView): string[] {
  return view.log
    .filter((e) => e.at === view.now)
    .map((e) =>
      e.error !== undefined ? `${e.text} (error ${e.error}: ${REFUSALS[e.error] ?? 'refused'})` : e.text,
    );
}

/** How an account-lockout scenario reads on paper: each domain controller's counts, and what happened. */
export const transcript: TranscriptView<PictureDomainView> = {
  page: {
    system: 'domain',
    compareIntro: (title) =>
      `Both domains receive the same logon attempts at the same moments, starting with “${title}”. Press Play, or jump to the next change, and watch each domain controller's bad-password count and the lock. Figures that differ between the two are marked.`,
    freeIntro: (title) =>
      `A domain of your own: PDC1 and BDC1, with WKS1 (jsmith, checked by BDC1) and WKS2 (mlee, checked by PDC1). Mistype passwords at the console, with net use or through a UNC path, leave a program retrying an old password, unlock, synchronize, change the Account Policy. “Load it” starts from “${title}”.`,
  },
  variantName: (v) => `NT ${v}`,
  caption: (title) => `${title}: the bad-password counts at each domain controller after each step`,
  headers: ['domain controllers', 'what the user sees'],
  describe: (event) => describeEvent(event as DomainEvent),
  Cells({ view, id, variant }) {
    const counts = view.dcs.flatMap((dc) =>
      dc.accounts
        .filter((a) => a.badPasswordCount > 0 || a.lockedOut)
        .map(
          (a) => `${dc.name} · ${a.user} · ${a.badPasswordCount} bad${a.lockedOut ? ' · locked out' : ''}`,
        ),
    );
    const now = happened(view);
    return (
      <>
        <td>
          <DomainPicture id={id} view={view} version={variant} describedBy={`${id}-list`} />
          {counts.length ? (
            <ul id={`${id}-list`}>
              {counts.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : (
            <p id={`${id}-list`}>No bad passwords counted</p>
          )}
        </td>
        <td>{now.length ? now.join(' ') : '—'}</td>
      </>
    );
  },
};
