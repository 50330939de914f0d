import { useEffect, useState } from 'preact/hooks';
import { loadProgress, saveProgress } from './progress';

/** One question as the page hands it over: data, and the links built at build time. */
export interface QuizItem {
  id: string;
  /** The KB article it comes from. */
  article: string;
  prompt: string;
  choices: string[];
  why: string;
  /** What the simulation shows at the question's moment: read off the kernel's view at build time. */
  answer: string;
  anchorHref: string;
  momentHref?: string;
}

export default function Quiz({ items }: { items: QuizItem[] }) {
  return (
    <ol class="kb-quiz__list not-content">
      {items.map((q, i) => (
        <li key={q.id}>
          <Question q={q} n={i + 1} />
        </li>
      ))}
    </ol>
  );
}

function Question({ q, n }: { q: QuizItem; n: number }) {
  const [choice, setChoice] = useState<string | null>(null);
  const [checked, setChecked] = useState<{ choice: string; answer: string } | null>(null);
  const [prompt, setPrompt] = useState(false);
  const name = `quiz-${q.id}`;

  // Progress kept for the tab (progress.ts), read after hydration so the first render matches the
  // server's markup.
  useEffect(() => {
    const saved = loadProgress(q.id, q.choices);
    if (!saved) return;
    setChoice(saved.choice);
    if (saved.checked) setChecked({ choice: saved.choice, answer: q.answer });
  }, [q.id, q.choices, q.answer]);

  const check = (e: Event) => {
    e.preventDefault();
    if (choice === null) {
      setPrompt(true);
      return;
    }
    setPrompt(false);
    setChecked({ choice, answer: q.answer });
    saveProgress(q.id, { choice, checked: true });
  };

  const right = checked !== null && checked.choice === checked.answer;
  return (
    // autocomplete="off": the browser restores no radio the component does not know about (Back
    // without the back-forward cache); the component restores its own progress.
    <form class="kb-quiz__question" onSubmit={check} noValidate autocomplete="off" data-question={q.id}>
      <fieldset class="kb-ts__fieldset">
        <legend class="kb-quiz__prompt">
          <span class="kb-ts__position">
            Question {n} · {q.article}
          </span>{' '}
          {q.prompt}
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
                  saveProgress(q.id, { choice: c, checked: false });
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
              {q.momentHref && (
                <>
                  <a href={q.momentHref}>Open this moment in the simulation</a> ·{' '}
                </>
              )}
              <a href={q.anchorHref}>Read the article section</a>
            </p>
          </div>
        )}
      </div>
    </form>
  );
}
