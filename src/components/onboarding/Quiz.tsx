import { useState } from 'preact/hooks';
import { encode } from '../../machines/link';
import { kernelAnswer, type QuizQuestion, quiz } from '../../machines/quiz';

/** The article's simulation at the question's moment. */
export function simulationHref(q: QuizQuestion): string {
  return `/kb/q153066/?play=${encodeURIComponent(encode({ config: q.config, tape: q.tape, at: q.at }))}#play`;
}

export default function Quiz() {
  return (
    <ol class="kb-quiz__list not-content">
      {quiz.map((q, i) => (
        <li key={q.id}>
          <Question q={q} n={i + 1} />
        </li>
      ))}
    </ol>
  );
}

function Question({ q, n }: { q: QuizQuestion; n: number }) {
  const [choice, setChoice] = useState<string | null>(null);
  const [checked, setChecked] = useState<{ choice: string; answer: string } | null>(null);
  const [prompt, setPrompt] = useState(false);
  const name = `quiz-${q.id}`;

  const check = (e: Event) => {
    e.preventDefault();
    if (choice === null) {
      setPrompt(true);
      return;
    }
    setPrompt(false);
    // The right answer is whatever the kernel shows at this moment, computed now.
    setChecked({ choice, answer: kernelAnswer(q) });
  };

  const right = checked !== null && checked.choice === checked.answer;
  return (
    <form class="kb-quiz__question" onSubmit={check} noValidate data-question={q.id}>
      <fieldset class="kb-ts__fieldset">
        <legend class="kb-quiz__prompt">
          <span class="kb-ts__position">Question {n}</span> {q.prompt}
        </legend>
        <div class="kb-ts__choices">
          {q.choices.map((c) => (
            <label class="kb-ts__choice" key={c}>
              <input
                type="radio"
                name={name}
                value={c}
                checked={choice === c}
                onChange={() => {
                  setChoice(c);
                  setChecked(null);
                  setPrompt(false);
                }}
              />
              <span>{c}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div class="kb-ts__nav">
        <button type="submit" class="kb-button kb-button--primary">
          Check with the simulation
        </button>
      </div>
      <div class="kb-quiz__feedback" role="status">
        {prompt && <p>Choose an answer first.</p>}
        {checked && (
          <div
            class={
              right ? 'kb-quiz__verdict kb-quiz__verdict--right' : 'kb-quiz__verdict kb-quiz__verdict--wrong'
            }
          >
            <p>
              <strong>{right ? 'Right.' : 'Not quite.'}</strong> The simulation shows: {checked.answer}.{' '}
              {q.why}
            </p>
            <p>
              <a href={simulationHref(q)}>Open this moment in the simulation</a> ·{' '}
              <a href={`/kb/q153066/#${q.anchor}`}>Read the article section</a>
            </p>
          </div>
        )}
      </div>
    </form>
  );
}
