import { type ComponentType, h, hydrate, render } from 'preact';

/*
 * Astro's Preact renderer for the browser (@astrojs/preact/client.js, aliased to this file in
 * astro.config.mjs), without signal props, which no island here takes: their dynamic import
 * brought Vite's preload helper (0.9 KB gzip) onto every page with an island. The rest is the
 * original's: slots as static HTML, the island's id as Preact's hydration mask, client:only,
 * and unmounting with the island. tests/e2e hydrate every island of every kind.
 */

type Props = Record<string, unknown>;

const Slot = ({ value, name }: { value?: string; name?: string }) =>
  value ? h('astro-slot', { name, dangerouslySetInnerHTML: { __html: value } }) : null;
Slot.shouldComponentUpdate = () => false;

export default (element: HTMLElement) =>
  async (
    Component: ComponentType<Props>,
    props: Props,
    { default: children, ...slotted }: Record<string, string | undefined>,
    { client }: { client: string },
  ) => {
    if (!element.hasAttribute('ssr')) return;
    if (element.dataset.preactSignals)
      throw new Error('This site’s Preact client does not take signal props.');
    for (const [name, value] of Object.entries(slotted)) props[name] = h(Slot, { value, name });
    const child = h(Component, props, children == null ? children : h(Slot, { value: children }));
    const id = element.getAttribute('data-preact-island-id');
    const mask = [id === null ? element.getAttribute('uid') : Number.parseInt(id, 10), 0];
    Object.assign(child, { _mask: mask, __m: mask });
    if (client === 'only') {
      element.innerHTML = '';
      render(child, element);
    } else hydrate(child, element);
    element.addEventListener('astro:unmount', () => render(null, element), { once: true });
  };
