import { diffViews, type NtVersion, type ServerView } from '../../../../machines/nt-server';
import type { PanelProps } from '../../../sim/modelUi';
import type { NtServerModel } from '../index';
import { ServerManager } from './ServerManager';

/** Server Manager for each server shown, with what differs from the other one side by side, and its Disconnect. */
export default function ServerManagerPanel({ views, variants, labels, record }: PanelProps<NtServerModel>) {
  const servers = views as readonly ServerView[];
  return (
    <div class={servers.length > 1 ? 'kb-sim__servers kb-sim__servers--two' : 'kb-sim__servers'}>
      {servers.map((view, i) => {
        const other = servers.length > 1 ? servers[1 - i] : undefined;
        return (
          <div key={variants[i]} class="kb-server">
            <ServerManager
              view={view}
              version={variants[i] as NtVersion}
              differences={other ? { ...diffViews(view, other), against: labels[1 - i] ?? '' } : undefined}
              onDisconnect={
                record
                  ? (computer, share) => record({ type: 'admin.disconnect', computer, share })
                  : undefined
              }
            />
          </div>
        );
      })}
    </div>
  );
}
