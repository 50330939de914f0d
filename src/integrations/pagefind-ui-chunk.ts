import type { Plugin } from 'vite';

export const PAGEFIND_UI_URL = 'virtual:livekb/pagefind-ui-url';
const RESOLVED = `\0${PAGEFIND_UI_URL}`;

/**
 * Vite plugin: `virtual:livekb/pagefind-ui-url` is the address of Pagefind's search UI, built as
 * a chunk of its own. The Search override imports it with `import(/* @vite-ignore *\/ url)` when
 * the reader first opens search. A plain `import('@pagefind/default-ui')` would do the same, but
 * Vite wraps every dynamic import it sees in its preload helper (0.9 KB gzip), which then loads
 * with every page for a chunk that has nothing to preload. The chunk is emitted in the browser
 * build only; the dev server gets an empty address (Search does not load Pagefind in dev).
 */
export function pagefindUiChunk(): Plugin {
  let serving = false;
  return {
    name: 'livekb:pagefind-ui-chunk',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    resolveId(id) {
      return id === PAGEFIND_UI_URL ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      if (serving || this.environment?.name !== 'client') return 'export default "";';
      const ref = this.emitFile({
        type: 'chunk',
        id: '@pagefind/default-ui',
        name: 'pagefind-ui',
        preserveSignature: 'strict',
      });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
  };
}
