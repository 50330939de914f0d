import { describe, expect, it } from 'vitest';
import { articleDataSchema } from '../../src/content/article-schema';

const base = {
  article: 'Q000002',
  anchors: { here: 'A passage' },
  scenarios: {
    one: {
      title: 'One',
      summary: 'One step.',
      steps: [
        {
          at: '0:00',
          do: { type: 'share.connect', computer: 'WKS1', share: 'PUBLIC' },
          say: 'x',
          anchor: 'here',
        },
      ],
    },
  },
};

function problems(data: unknown) {
  const result = articleDataSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('article data names its model and is checked in that model’s terms', () => {
  it('defaults to nt-server and to the model’s compared pair', () => {
    const data = articleDataSchema.parse(base);
    expect(data.model).toBe('nt-server');
    expect(data.scenarios.one?.versions).toEqual(['3.51', '4.0']);
  });

  it('refuses a model it does not know', () => {
    expect(problems({ ...base, model: 'nt-toaster' })[0]).toMatch(/^model: /);
  });

  it('gives the model’s own reason for a bad event, configuration or version, at its path', () => {
    const bad = {
      ...base,
      scenarios: {
        one: {
          ...base.scenarios.one,
          versions: ['3.51', '5.0'],
          config: { licenseLimit: 0 },
          steps: [
            {
              at: '0:00',
              do: { type: 'share.connect', computer: 'WKS9', share: 'PUBLIC' },
              say: 'x',
              anchor: 'here',
            },
          ],
        },
      },
    };
    const found = problems(bad);
    expect(found).toContain(
      'scenarios.one.versions.1: 5.0 is not a version of nt-server; use 3.5, 3.51, 4.0.',
    );
    expect(found.some((p) => p.startsWith('scenarios.one.config: licence limit 0 is not valid'))).toBe(true);
    expect(found.some((p) => p.startsWith('scenarios.one.steps.0.do: unknown computer "WKS9"'))).toBe(true);
  });
});

describe('a quiz answer rests on sourced rules only', () => {
  const quiz = (rests: string[]) => ({
    ...base,
    quiz: [
      {
        id: 'q',
        prompt: 'What happens?',
        version: '3.51',
        tape: [{ at: '0:00', do: { type: 'share.connect', computer: 'WKS1', share: 'PUBLIC' } }],
        at: '0:00',
        read: { what: 'outcome', computer: 'WKS1' },
        choices: ['Connected', 'Refused with error 71'],
        why: 'Because.',
        rests,
        anchor: 'here',
      },
    ],
  });

  it('accepts sourced rules and names a modelling choice or an unknown key at its path', () => {
    expect(problems(quiz(['implicit-ipc']))).toEqual([]);
    expect(problems(quiz(['implicit-ipc', 'timed-out-counter']))).toEqual([
      'quiz.0.rests.1: timed-out-counter is a modelling choice of nt-server; a quiz answer may rest only on sourced rules.',
    ]);
    expect(problems(quiz(['made-up']))[0]).toMatch(/^quiz\.0\.rests\.0: made-up is not a rule of nt-server/);
    expect(problems(quiz([]))[0]).toMatch(/^quiz\.0\.rests/);
  });
});
