import { describe, expect, it } from 'vitest';
import { q153066Anchors } from '../../src/components/anchors';
import { encode } from '../../src/machines/link';
import { kernelAnswer, quiz } from '../../src/machines/quiz';

describe('onboarding quiz: answers come from the kernel', () => {
  it('has questions with distinct ids', () => {
    expect(quiz.length).toBeGreaterThanOrEqual(5);
    expect(new Set(quiz.map((q) => q.id)).size).toBe(quiz.length);
  });

  for (const q of quiz) {
    it(`${q.id}: exactly one choice equals the kernel's answer`, () => {
      const answer = kernelAnswer(q);
      expect(
        q.choices.filter((c) => c === answer),
        `kernel says ${JSON.stringify(answer)}`,
      ).toHaveLength(1);
      expect(new Set(q.choices).size).toBe(q.choices.length);
    });

    it(`${q.id}: points at a real section of the article and its moment can be linked`, () => {
      expect(Object.keys(q153066Anchors)).toContain(q.anchor);
      expect(() => encode({ config: q.config, tape: q.tape, at: q.at })).not.toThrow();
    });
  }

  it('the article’s key facts come out as expected', () => {
    const byId = Object.fromEntries(quiz.map((q) => [q.id, kernelAnswer(q)]));
    expect(byId['shown-user']).toBe('WKS1');
    expect(byId['licences-351']).toBe('1');
    expect(byId.limit).toBe('Refused with error 71');
    expect(byId['no-credentials']).toBe('Refused with error 5');
    expect(byId.when).toBe('15');
    expect(byId['stop-logging']).toBe('0');
  });
});
