import { describe, expect, it } from 'vitest';
import { kbSchema } from '../../src/content/kb-schema';

const valid = {
  id: 'Q153066',
  appliesTo: [{ product: 'Microsoft Windows NT Server', versions: ['3.5', '3.51'] }],
  lastReviewed: '2002-02-20',
  source: {
    title: 'IPC$ Connections Do Not Disconnect',
    document: 'Q153066',
    revised: '2002-02-20',
    note: 'Restated.',
  },
};

function problems(data: unknown) {
  const result = kbSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('KB article metadata', () => {
  it('accepts a complete block and fills in the optional lists', () => {
    const parsed = kbSchema.parse(valid);

    expect(parsed.lastReviewed).toEqual(new Date('2002-02-20'));
    expect(parsed.keywords).toEqual([]);
    expect(parsed.related).toEqual([]);
  });

  it('names each bad field with a reason a writer understands', () => {
    const found = problems({ ...valid, id: 'Q12', appliesTo: [], lastReviewed: 'someday' });

    expect(found).toEqual([
      'id: must be a KB article ID: the letter Q and six digits, e.g. Q153066',
      'appliesTo: must name at least one product and version',
      'lastReviewed: must be a date written as YYYY-MM-DD',
    ]);
  });

  it('refuses a field it does not know, so a misspelt one is not silently dropped', () => {
    expect(problems({ ...valid, lastReveiwed: '2002-02-20' })).toEqual([
      expect.stringMatching(/lastReveiwed/),
    ]);
  });

  it('checks related articles’ IDs too', () => {
    expect(problems({ ...valid, related: [{ id: 'KB1', topic: 'x', why: 'y' }] })[0]).toMatch(
      /^related\.0\.id: must be a KB article ID/,
    );
  });
});
