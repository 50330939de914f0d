/**
 * The framed side of an embed: applies the reader's options from the address and tells the parent
 * page how tall the simulation is, so the parent's snippet can size the frame. The message carries
 * only a number; the snippet accepts it only from its own frame.
 */
import { HEIGHT_MESSAGE } from './embedSnippet';

export function startEmbed(): void {
  const params = new URLSearchParams(location.search);
  const theme = params.get('theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
  if (params.get('controls') === '0') document.documentElement.dataset.embedControls = 'off';
  if (window.parent === window) return;
  let last = 0;
  const report = () => {
    const height = Math.ceil(document.documentElement.scrollHeight);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, '*');
  };
  new ResizeObserver(report).observe(document.body);
  report();
}
