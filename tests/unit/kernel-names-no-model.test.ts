import { globSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * src/machines/kernel is generic: it imports nothing from a model folder (src/machines/<model>/),
 * nothing from the rest of src, and names no model. Each model is a folder beside it.
 */
const KERNEL = globSync('src/machines/kernel/**/*.ts').sort();
const MODELS = readdirSync('src/machines', { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'kernel')
  .map((d) => d.name);

describe('the kernel is generic', () => {
  it('finds the kernel and at least one model', () => {
    expect(KERNEL).toContain('src/machines/kernel/model.ts');
    expect(MODELS).toContain('nt-server');
  });

  it('imports only itself and packages', () => {
    const bad: string[] = [];
    for (const file of KERNEL) {
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/\bfrom\s+['"]([^'"]+)['"]/g))
        if (spec?.startsWith('.') && !spec.startsWith('./')) bad.push(`${file}: ${spec}`);
    }
    expect(bad).toEqual([]);
  });

  it('names no model', () => {
    const bad: string[] = [];
    for (const file of KERNEL) {
      const text = readFileSync(file, 'utf8');
      for (const model of MODELS) if (text.includes(model)) bad.push(`${file}: ${model}`);
      for (const word of ['NTSERVER', 'IPC$', 'autodisconnect', 'licen'])
        if (text.includes(word)) bad.push(`${file}: ${word}`);
    }
    expect(bad).toEqual([]);
  });
});
