import type { TranscriptView } from '../transcript';
import { DomainPicture } from './DomainPicture';
import { durationText, type PictureDomainView, REFUSALS } from './view';

/** What happened at this moment, in the log's words, refusals with NT's error number. */
function happened(view: PictureDomainView): string[] {
  return view.log
    .filter((e) => e.at === view.now)
    .map((e) =>
      e.error !== undefined ? `${e.text} (error ${e.error}: ${REFUSALS[e.error] ?? 'refused'})` : e.text,
    );
}

type Event = { type: string } & Record<string, unknown>;

/** A domain event in words, for the transcript's "What happens" column. */
function describe(event: { type: string }): string {
  const e = event as Event;
  switch (e.type) {
    case 'logon.attempt':
      return `${e.user} ${e.via === 'console' ? 'logs on at' : e.via === 'net use' ? 'runs net use from' : 'opens a UNC path from'} ${e.computer} with the ${e.password} password`;
    case 'retrier.start':
      return `A program on ${e.computer} starts retrying ${e.user}'s old password every ${e.everySeconds} s`;
    case 'retrier.stop':
      return `The program on ${e.computer} stops retrying`;
    case 'admin.unlock':
      return `The administrator unlocks ${e.user} in User Manager for Domains`;
    case 'admin.sync':
      return `The administrator synchronizes ${e.dc} with the PDC in Server Manager`;
    case 'policy.set': {
      const parts = [
        e.lockoutThreshold !== undefined && `lockout after ${e.lockoutThreshold}`,
        e.resetCountMinutes !== undefined && `reset count after ${e.resetCountMinutes} min`,
        e.lockoutDurationMinutes !== undefined &&
          `duration ${durationText(e.lockoutDurationMinutes as number)}`,
      ].filter(Boolean);
      return `The administrator sets the Account Policy: ${parts.join(', ')}`;
    }
    default:
      return e.type;
  }
}

/** How an account-lockout scenario reads on paper: each domain controller's counts, and what happened. */
export const transcript: TranscriptView<PictureDomainView> = {
  variantName: (v) => `NT ${v}`,
  caption: (title) => `${title}: the bad-password counts at each domain controller after each step`,
  headers: ['domain controllers', 'what the user sees'],
  describe,
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
