/**
 * The framed side of an embed: applies the reader's options from the address and tells the parent
 * page how tall the simulation is, so the parent's snippet can size the frame. The message carries
 * only a number; the snippet accepts it only from its own frame.
 */
export const HEIGHT_MESSAGE = 'livekb:height';

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

/** The HTML a reader pastes into their own page: the frame, and a listener that sizes it. */
export function embedSnippet(src: string, title: string): string {
  const origin = new URL(src).origin;
  return [
    `<iframe src="${src}" title="${title.replace(/"/g, '&quot;')}" loading="lazy" width="100%" height="720" style="border:0;max-width:100%"></iframe>`,
    '<script>',
    '(function (frame) {',
    '  window.addEventListener("message", function (e) {',
    `    if (e.source !== frame.contentWindow || e.origin !== "${origin}") return;`,
    `    if (!e.data || e.data.type !== "${HEIGHT_MESSAGE}" || typeof e.data.height !== "number") return;`,
    '    frame.style.height = Math.min(Math.max(e.data.height, 200), 5000) + "px";',
    '  });',
    '})(document.currentScript.previousElementSibling);',
    '</script>',
  ].join('\n');
}
