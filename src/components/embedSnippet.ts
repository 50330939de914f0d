/**
 * The page that frames a simulation: the snippet a reader pastes, and the one message it accepts
 * from its frame (the frame's height). embed.ts is the framed side.
 */
export const HEIGHT_MESSAGE = 'livekb:height';

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
