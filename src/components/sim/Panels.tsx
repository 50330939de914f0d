import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AnyModel } from '../../machines/kernel/model';
import type { PanelProps, PanelSpec } from './modelUi';

/** A panel's loader from its chunk's address (`chunk-url:` imports). */
export function loadPanel<M extends AnyModel>(url: string): PanelSpec<M>['load'] {
  return () => import(/* @vite-ignore */ url);
}

/** Panels already loaded, by their loader: opening one again costs nothing. */
const loaded = new Map<PanelSpec<AnyModel>['load'], ComponentType<PanelProps<AnyModel>>>();

interface PanelsProps<M extends AnyModel> extends PanelProps<M> {
  panels: readonly PanelSpec<M>[];
  /** The tab list's name, e.g. "Panels, side by side". */
  label: string;
}

/**
 * A model's panels as WAI-ARIA tabs below the picture, one open at a time and none at first: each
 * panel's code is loaded when it is first opened. Arrow keys, Home and End move between the tabs;
 * Enter or Space opens one (or closes the open one). Panels are left out of the site search.
 */
export function Panels<M extends AnyModel>({ panels, label, ...props }: PanelsProps<M>) {
  const [open, setOpen] = useState<string | null>(null);
  const [, setReady] = useState(0);
  const [failed, setFailed] = useState<string | null>(null);
  const [focus, setFocus] = useState(0);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const spec = panels.find((p) => p.id === open);
  const Panel = spec ? loaded.get(spec.load as PanelSpec<AnyModel>['load']) : undefined;

  useEffect(() => {
    if (!spec || Panel) return;
    let live = true;
    spec
      .load()
      .then((m) => {
        loaded.set(
          spec.load as PanelSpec<AnyModel>['load'],
          m.default as ComponentType<PanelProps<AnyModel>>,
        );
        if (live) setReady((n) => n + 1);
      })
      .catch(() => {
        if (live) setFailed(spec.id);
      });
    return () => {
      live = false;
    };
  }, [spec, Panel]);

  const toggle = (id: string) => {
    setFailed(null);
    setOpen(open === id ? null : id);
  };
  const onKey = (e: KeyboardEvent, i: number) => {
    const n = panels.length;
    const to =
      e.key === 'ArrowRight'
        ? (i + 1) % n
        : e.key === 'ArrowLeft'
          ? (i - 1 + n) % n
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : -1;
    if (to < 0) return;
    e.preventDefault();
    setFocus(to);
    tabs.current[to]?.focus();
  };
  const base = `${props.id}-panel`;
  return (
    <div class="kb-panels" data-pagefind-ignore>
      <div class="kb-panels__tabs" role="tablist" aria-label={label}>
        {panels.map((p, i) => (
          <button
            key={p.id}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${base}-${p.id}-tab`}
            class="kb-panels__tab"
            aria-selected={open === p.id ? 'true' : 'false'}
            aria-controls={open === p.id ? `${base}-${p.id}` : undefined}
            tabIndex={i === (open ? panels.findIndex((q) => q.id === open) : focus) ? 0 : -1}
            onClick={() => toggle(p.id)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {p.label}
          </button>
        ))}
      </div>
      {spec && (
        <div
          class="kb-panels__panel"
          role="tabpanel"
          id={`${base}-${spec.id}`}
          aria-labelledby={`${base}-${spec.id}-tab`}
          aria-busy={Panel ? undefined : 'true'}
        >
          {Panel ? (
            <Panel {...(props as unknown as PanelProps<AnyModel>)} />
          ) : failed === spec.id ? (
            <p class="kb-notice kb-notice--warn" role="alert">
              This panel could not be loaded. Check the connection and open it again.
            </p>
          ) : (
            <p class="kb-panels__loading">Loading {spec.label}…</p>
          )}
        </div>
      )}
    </div>
  );
}
