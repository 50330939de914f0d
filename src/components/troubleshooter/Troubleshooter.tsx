import { useEffect, useRef, useState } from 'preact/hooks';
import { anchorHref, glossaryHref, momentHref } from '../../lib/links';
import {
  type Answers,
  type AnswerValue,
  answerParams,
  answersFromQuery,
  answersToParams,
  answersToQuery,
  createTroubleshooter,
  type Flow,
  type Question as QuestionData,
  renderResult,
  stepOf,
  summaryText,
  type Tree,
} from '../../machines/troubleshooter';
import { navigate, replaceAddress, withParams } from '../sim/address';
import { useActor } from '../sim/useActor';

const ID = 'ts';

export default function Troubleshooter({ flow }: { flow: Flow }) {
  const { tree } = flow;
  const [machine] = useState(() => createTroubleshooter(tree));
  const [snapshot, send] = useActor(machine, { input: {} });
  const { answers, draft, error, notice } = snapshot.context;
  const step = stepOf(snapshot.value);
  const heading = useRef<HTMLHeadingElement>(null);
  /** Focus moves to the new step only after the reader acted, never on page load. */
  const acted = useRef(false);
  /**
   * Whether the answers on screen came from the address bar (the page's link, or the browser's
   * Back and Forward) rather than from the reader answering, or pressing Back or Restart, here.
   */
  const fromUrl = useRef(true);

  // Answers from the URL: read once after hydration, and again each time the browser's Back
  // or Forward button brings back another entry.
  useEffect(() => {
    const read = answersFromQuery(tree, location.search);
    if (Object.keys(read.answers).length > 0 || read.notice) {
      send({ type: 'answers.load', answers: read.answers, notice: read.notice });
    }
    // A link that could not be read leaves the address bar, so reloading or sharing it does not fail again.
    if (read.notice) replaceAddress(withParams(answersToParams(tree, read.answers), answerParams(tree)));
    const onPopState = () => {
      const restored = answersFromQuery(tree, location.search);
      acted.current = true;
      fromUrl.current = true;
      send({ type: 'answers.restore', answers: restored.answers, notice: restored.notice });
    };
    addEventListener('popstate', onPopState);
    return () => removeEventListener('popstate', onPopState);
  }, [send, tree]);

  // The URL keeps the answers, so a shared link reopens the same step, and each step the reader
  // takes is a history entry, so the browser's Back and Forward move between steps.
  const query = answersToQuery(tree, answers);
  const mounted = useRef(false);
  useEffect(() => {
    // On mount the answers read from the URL are not rendered yet: there is nothing to write.
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    const url = withParams(answersToParams(tree, answers), answerParams(tree));
    if (url === `${location.pathname}${location.search}${location.hash}`) return;
    if (fromUrl.current) replaceAddress(url);
    else navigate(url, { troubleshooter: true });
  }, [query]);

  const stepKey = step ? ('question' in step ? step.question : step.result) : '';
  useEffect(() => {
    if (acted.current) heading.current?.focus();
    acted.current = false;
  }, [stepKey, Object.keys(answers).length]);

  const act = (fn: () => void) => () => {
    acted.current = true;
    fromUrl.current = false;
    fn();
  };
  // When the previous step is the previous history entry (this page put it there), the page's Back
  // is the browser's Back, so the two never disagree about what "back" is.
  const back = () => {
    if ((history.state as { troubleshooter?: boolean } | null)?.troubleshooter) history.back();
    else act(() => send({ type: 'nav.back' }))();
  };
  const restart = act(() => send({ type: 'nav.restart' }));
  const canGoBack = Object.keys(answers).length > 0;

  return (
    <div class="kb-ts__live not-content">
      {notice && (
        <p class="kb-ts__notice" role="status">
          {notice}
        </p>
      )}
      {step && 'question' in step && (
        <Question
          key={step.question}
          id={step.question}
          q={tree.questions[step.question] as QuestionData}
          headingRef={heading}
          initial={draft[step.question] ?? answers[step.question]}
          error={error}
          position={Object.keys(answers).length + 1}
          onAnswer={(value) => {
            acted.current = true;
            fromUrl.current = false;
            send({ type: `answer.${step.question}`, value } as never);
          }}
          onBack={canGoBack ? back : undefined}
          onRestart={canGoBack ? restart : undefined}
        />
      )}
      {step && 'result' in step && (
        <Result
          flow={flow}
          id={step.result}
          answers={answers}
          headingRef={heading}
          onBack={back}
          onRestart={restart}
        />
      )}
    </div>
  );
}

interface QuestionProps {
  id: string;
  q: QuestionData;
  headingRef: preact.RefObject<HTMLHeadingElement>;
  initial: AnswerValue | undefined;
  error: string | null;
  position: number;
  onAnswer: (value: string) => void;
  onBack?: () => void;
  onRestart?: () => void;
}

function Question({
  id,
  q,
  headingRef,
  initial,
  error,
  position,
  onAnswer,
  onBack,
  onRestart,
}: QuestionProps) {
  const [value, setValue] = useState(initial === undefined ? '' : String(initial));
  const [local, setLocal] = useState<string | null>(null);
  const message = local ?? error;
  const hintId = `${ID}-${id}-hint`;
  const errorId = `${ID}-${id}-error`;
  const describedBy = [q.hint ? hintId : '', message ? errorId : ''].filter(Boolean).join(' ') || undefined;

  const submit = (e: Event) => {
    e.preventDefault();
    if (q.choices && value === '') {
      setLocal('Choose one of the answers, then press Next.');
      headingRef.current?.focus();
      return;
    }
    setLocal(null);
    onAnswer(value);
  };

  return (
    <form class="kb-ts__step" onSubmit={submit} noValidate>
      <fieldset class="kb-ts__fieldset" aria-describedby={q.choices ? describedBy : undefined}>
        <legend class="kb-ts__legend">
          <span class="kb-ts__position">Question {position}</span>
          <h3 class="kb-ts__title" id={`${ID}-${id}-title`} tabIndex={-1} ref={headingRef}>
            {q.title}
          </h3>
        </legend>
        {q.hint && (
          <p class="kb-ts__hint" id={hintId}>
            {q.hint}
          </p>
        )}
        {q.choices ? (
          <div class="kb-ts__choices">
            {q.choices.map((c) => (
              <label class="kb-ts__choice" key={c.value}>
                <input
                  type="radio"
                  name={`${ID}-${id}`}
                  value={c.value}
                  checked={value === c.value}
                  onChange={() => {
                    setValue(c.value);
                    setLocal(null);
                  }}
                />
                <span>{c.label}</span>
              </label>
            ))}
          </div>
        ) : (
          <div class="kb-ts__field">
            <label for={`${ID}-${id}-input`}>{q.field ?? q.title}</label>
            <input
              id={`${ID}-${id}-input`}
              class="kb-ts__input"
              type="text"
              inputMode="numeric"
              autoComplete="off"
              spellcheck={false}
              value={value}
              aria-invalid={message ? 'true' : undefined}
              aria-describedby={describedBy}
              onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)}
            />
          </div>
        )}
        {message && (
          <p class="kb-ts__error" id={errorId} role="alert">
            {message}
          </p>
        )}
      </fieldset>
      <div class="kb-ts__nav">
        <button type="submit" class="kb-button kb-button--primary">
          Next
        </button>
        {onBack && (
          <button type="button" class="kb-button" onClick={onBack}>
            Back
          </button>
        )}
        {onRestart && (
          <button type="button" class="kb-button" onClick={onRestart}>
            Restart
          </button>
        )}
      </div>
    </form>
  );
}

interface ResultProps {
  flow: Flow;
  id: string;
  answers: Answers;
  headingRef: preact.RefObject<HTMLHeadingElement>;
  onBack: () => void;
  onRestart: () => void;
}

/** The page's own address with these answers, for the summary. */
function answersHref(tree: Tree, answers: Answers): string {
  if (typeof location === 'undefined') return answersToQuery(tree, answers);
  return `${location.origin}${location.pathname}${answersToQuery(tree, answers)}`;
}

function Result({ flow, id, answers, headingRef, onBack, onRestart }: ResultProps) {
  const d = renderResult(flow, id, answers);
  const section = anchorHref(d.article, d.anchor);
  const moment = momentHref(d.article, d.moment.simulation, d.moment.state, d.moment.model);
  const origin = typeof location === 'undefined' ? '' : location.origin;
  const summary = summaryText(flow.tree, answers, d, {
    section: `${origin}${section}`,
    moment: `${origin}${moment}`,
    answers: answersHref(flow.tree, answers),
  });
  const [copied, setCopied] = useState<string | null>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(summary);
      setCopied('Summary copied to the clipboard.');
    } catch {
      const area = document.getElementById(`${ID}-summary`) as HTMLTextAreaElement | null;
      area?.focus();
      area?.select();
      setCopied('Copying was not allowed here: the summary below is selected, so press Ctrl+C (or ⌘C).');
    }
  };

  return (
    <section class="kb-ts__result" data-result={id} aria-labelledby={`${ID}-result-title`}>
      <p class="kb-ts__position">Result</p>
      <h3 class="kb-ts__title" id={`${ID}-result-title`} tabIndex={-1} ref={headingRef}>
        {d.title}
      </h3>
      {d.explanation.map((p) => (
        <p key={p}>{p}</p>
      ))}
      <h4 class="kb-ts__subtitle">What to do</h4>
      <ol class="kb-ts__actions">
        {d.actions.map((a) => (
          <li key={a}>{a}</li>
        ))}
      </ol>
      <ul class="kb-ts__links">
        <li>
          <a href={moment} class="kb-ts__link kb-ts__link--primary" data-link="simulation">
            {d.moment.label}
          </a>
        </li>
        <li>
          <a href={section} class="kb-ts__link" data-link="resolution">
            {d.label}
          </a>
        </li>
        {d.glossary && (
          <li>
            <a href={glossaryHref(d.glossary.term)} class="kb-ts__link" data-link="glossary">
              {d.glossary.label}
            </a>
          </li>
        )}
      </ul>
      <div class="kb-ts__summary">
        <label for={`${ID}-summary`}>Summary for a ticket</label>
        <textarea id={`${ID}-summary`} class="kb-ts__textarea" readOnly rows={10} value={summary} />
        <div class="kb-ts__nav">
          <button type="button" class="kb-button kb-button--primary" onClick={copy}>
            Copy summary
          </button>
          <button type="button" class="kb-button" onClick={onBack}>
            Back
          </button>
          <button type="button" class="kb-button" onClick={onRestart}>
            Restart
          </button>
        </div>
        <p class="kb-ts__status" role="status">
          {copied ?? ''}
        </p>
      </div>
    </section>
  );
}
