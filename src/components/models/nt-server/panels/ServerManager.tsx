import { formatElapsed } from '../../../../machines/kernel/format';
import type { NtVersion, ServerView } from '../../../../machines/nt-server';

export interface ServerManagerProps {
  view: ServerView;
  version: NtVersion;
  /** Rows (by `computer/share`) and figures that differ from the server compared against, if any. */
  differences?: { rows: readonly string[]; licences: boolean; against: string };
  /** Server Manager's Disconnect on a row (free play and side by side); none in the scenario player. */
  onDisconnect?: (computer: string, share: string) => void;
}

export const rowKey = (c: { computer: string; share: string }) => `${c.computer}/${c.share}`;

/** What NT Server Manager would list for NTSERVER at this moment, and its licence count. */
export function ServerManager({ view, version, differences, onDisconnect }: ServerManagerProps) {
  // Server Manager's answer to a Disconnect pressed at this very moment, shown beside its row.
  const answer = view.log.findLast((e) => e.kind === 'admin' && e.at === view.now);
  const { licenses } = view;
  const licencesDiffer = differences?.licences ?? false;
  return (
    <div class="kb-sm">
      <table class="kb-sm__table">
        <caption>
          Server Manager, NTSERVER on Windows NT {version}: connections at {formatElapsed(view.now)}
        </caption>
        <thead>
          <tr>
            <th scope="col">Computer</th>
            <th scope="col">User</th>
            <th scope="col">Share</th>
            <th scope="col" class="kb-num">
              Opens
            </th>
            <th scope="col" class="kb-num">
              Connected
            </th>
            <th scope="col" class="kb-num">
              Idle
            </th>
            {onDisconnect && <td />}
          </tr>
        </thead>
        <tbody>
          {view.connections.length === 0 ? (
            <tr>
              <td colSpan={7} class="kb-sm__empty">
                No connections
              </td>
            </tr>
          ) : (
            view.connections.map((c) => {
              const ipc = c.share === 'IPC$';
              const differs = differences?.rows.includes(rowKey(c)) ?? false;
              return (
                <tr key={rowKey(c)} class={`${ipc ? 'kb-ipc' : ''} ${differs ? 'kb-diff' : ''}`.trim()}>
                  <th scope="row" data-label="Computer">
                    {c.computer}
                  </th>
                  <td data-label="User">
                    {c.shownUser}
                    {c.account === null && (
                      <span class="kb-tag kb-tag--warn">computer name, no credentials</span>
                    )}
                  </td>
                  <td data-label="Share">
                    {ipc ? <span class="kb-tag kb-tag--ipc">IPC$</span> : c.share}
                    {differs && <span class="kb-tag kb-tag--diff">differs from {differences?.against}</span>}
                  </td>
                  <td class="kb-num" data-label="Opens">
                    {c.opens}
                  </td>
                  <td class="kb-num" data-label="Connected">
                    {formatElapsed(c.connectedMs)}
                  </td>
                  <td class="kb-num" data-label="Idle">
                    {formatElapsed(c.idleMs)}
                  </td>
                  {onDisconnect && (
                    <td class="kb-sm__act">
                      <button
                        type="button"
                        class="kb-button"
                        aria-label={`Disconnect ${c.computer} from ${c.share}`}
                        onClick={() => onDisconnect(c.computer, c.share)}
                      >
                        Disconnect
                      </button>
                      {answer?.computer === c.computer && ipc && <p class="kb-sm__answer">{answer.text}</p>}
                    </td>
                  )}
                </tr>
              );
            })
          )}
        </tbody>
      </table>
      <div class={`kb-licences ${licencesDiffer ? 'kb-diff' : ''}`.trim()}>
        <p class="kb-licences__count">
          <span class="kb-licences__label">Licences in use</span>{' '}
          <strong>
            {licenses.inUse} of {licenses.limit}
          </strong>
          {licenses.inUse >= licenses.limit && licenses.logging && (
            <span class="kb-tag kb-tag--warn">limit reached</span>
          )}
          {licencesDiffer && <span class="kb-tag kb-tag--diff">differs from {differences?.against}</span>}
        </p>
      </div>
    </div>
  );
}
