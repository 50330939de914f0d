import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { parse } from 'yaml';
import {
  type ResultsFile,
  resultsFileSchema,
  type TreeData,
  treeSchema,
} from '../content/troubleshooter-schema';
import { type AssembledFlow, assembleFlow } from '../lib/troubleshooter';

export const TREE_FILE = 'src/content/troubleshooter.yaml';

/** Every article's `troubleshooter.yaml` under these roots, and extra files (fixtures). */
export function resultFiles(roots: string[], extra: string[] = []): string[] {
  const files: string[] = [];
  for (const root of roots) {
    const kb = join(root, 'kb');
    if (!existsSync(kb)) continue;
    for (const folder of readdirSync(kb, { withFileTypes: true })) {
      const file = join(kb, folder.name, 'troubleshooter.yaml');
      if (folder.isDirectory() && existsSync(file)) files.push(file);
    }
  }
  return [...files, ...extra];
}

/** Reads, schema-checks and assembles the troubleshooter's files. */
export function loadFlow(files: string[], treeFile = TREE_FILE): AssembledFlow {
  const problems: string[] = [];
  const describe = (file: string, error: { issues: { path: PropertyKey[]; message: string }[] }) =>
    error.issues.map((i) => `${file}: ${i.path.map(String).join('.') || '(file)'}: ${i.message}`);
  const tree = treeSchema.safeParse(parse(readFileSync(treeFile, 'utf8')));
  if (!tree.success) problems.push(...describe(treeFile, tree.error));
  const parsed: { file: string; data: ResultsFile }[] = [];
  for (const file of files) {
    const data = resultsFileSchema.safeParse(parse(readFileSync(file, 'utf8')));
    if (data.success) parsed.push({ file, data: data.data });
    else problems.push(...describe(file, data.error));
  }
  if (!tree.success)
    return { flow: { tree: { start: '', questions: {} }, results: {} }, problems, pending: [] };
  const assembled = assembleFlow(tree.data as TreeData, parsed, treeFile);
  return { ...assembled, problems: [...problems, ...assembled.problems] };
}

/** Fails the build when the tree and the articles’ results do not fit together. */
export function troubleshooterCheck(roots: string[], extra: string[] = []): AstroIntegration {
  return {
    name: 'livekb:troubleshooter-check',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        const { problems, pending } = loadFlow(resultFiles(roots, extra));
        for (const p of pending) logger.info(p);
        if (problems.length)
          throw new Error(`The troubleshooter’s data does not fit together:\n- ${problems.join('\n- ')}`);
      },
    },
  };
}
