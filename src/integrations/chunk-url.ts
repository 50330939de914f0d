import type { Plugin } from 'vite';

const PREFIX = 'chunk-url:';
const RESOLVED = `\0${PREFIX}`;

/**
 * Vite plugin: `import url from 'chunk-url:./panels/X'` is the address of that module built as a
 * chunk of its own, for `import(/* @vite-ignore *\/ url)` when it is needed (a model's panels, loaded
 * when the reader opens one). A plain `import('./panels/X')` would do the same, but Vite wraps every
 * dynamic import it sees in its preload helper (0.9 KB gzip), which would load with every simulation.
 * The dev server gets the module's own address; the server build an empty one (nothing loads there).
 */
export function chunkUrl(): Plugin {
  let serving = false;
  return {
    name: 'livekb:chunk-url',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    async resolveId(id, importer) {
      if (!id.startsWith(PREFIX)) return undefined;
      const target = await this.resolve(id.slice(PREFIX.length), importer, { skipSelf: true });
      if (!target) throw new Error(`${id}: no such module (from ${importer ?? 'unknown'}).`);
      return `${RESOLVED}${target.id}`;
    },
    load(id) {
      if (!id.startsWith(RESOLVED)) return undefined;
      const file = id.slice(RESOLVED.length);
      if (serving) return `export default ${JSON.stringify(`/@fs${file}`)};`;
      if (this.environment?.name !== 'client') return 'export default "";';
      const ref = this.emitFile({ type: 'chunk', id: file, preserveSignature: 'strict' });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
  };
}
