/**
 * The quiz's progress for the browser tab (sessionStorage): each question's chosen answer and
 * whether it was checked, so a reload or Back (without the back-forward cache) shows what the
 * reader did. Storage may be blocked or full, and throws then: progress is kept for the page only.
 */
export interface QuestionProgress {
  choice: string;
  checked: boolean;
}

export const PROGRESS_KEY = 'livekb-quiz';

function readAll(): Record<string, QuestionProgress> {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(PROGRESS_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, QuestionProgress>) : {};
  } catch {
    return {};
  }
}

/** A question's saved progress, if it is one of `choices` (anything else stored there is ignored). */
export function loadProgress(id: string, choices: readonly string[]): QuestionProgress | undefined {
  const saved = readAll()[id];
  if (!saved || typeof saved.choice !== 'string' || !choices.includes(saved.choice)) return undefined;
  return { choice: saved.choice, checked: saved.checked === true };
}

export function saveProgress(id: string, progress: QuestionProgress | undefined): void {
  try {
    const all = readAll();
    if (progress) all[id] = progress;
    else delete all[id];
    sessionStorage.setItem(PROGRESS_KEY, JSON.stringify(all));
  } catch {
    // Storage blocked or full: the answer holds for this page only.
  }
}
