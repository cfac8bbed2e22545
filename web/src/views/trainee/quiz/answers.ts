import type { QuestionKind, SubmitAnswerInput } from '@gql';

/** What the trainee has entered for one question so far. */
export interface AnswerDraft {
  /** Chosen option ids (choice questions). */
  choices: string[];
  /** Typed text (flag, number, free text). */
  text: string;
}

export const emptyDraft = (): AnswerDraft => ({ choices: [], text: '' });

/** A typed number, accepting a decimal comma ("3,5"); null when it is not a number. */
export function parseNumber(text: string): number | null {
  const normalized = text.trim().replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normalized)) return null;
  const value = Number(normalized);
  return Number.isFinite(value) ? value : null;
}

/**
 * The submitAnswer input for a question and what was entered — only the field its kind uses — or null while the
 * answer is not complete enough to send (nothing chosen, an empty flag, not a number).
 */
export function answerInput(question: { id: string; kind: QuestionKind }, draft: AnswerDraft): SubmitAnswerInput | null {
  switch (question.kind) {
    case 'SINGLE_CHOICE':
      return draft.choices.length === 1 ? { questionId: question.id, choices: [...draft.choices] } : null;
    case 'MULTIPLE_CHOICE':
      return draft.choices.length > 0 ? { questionId: question.id, choices: [...draft.choices] } : null;
    case 'FLAG':
      return draft.text.trim() ? { questionId: question.id, flag: draft.text.trim() } : null;
    case 'NUMERIC': {
      const number = parseNumber(draft.text);
      return number === null ? null : { questionId: question.id, number };
    }
    case 'FREE_TEXT':
      return draft.text.trim() ? { questionId: question.id, text: draft.text.trim() } : null;
  }
}

/** Where the trainee stands with a question: still open, solved, or out of attempts. */
export function questionState(progress: { solved: boolean; attemptsLeft: number } | null | undefined): 'open' | 'solved' | 'exhausted' {
  if (progress?.solved) return 'solved';
  if (progress && progress.attemptsLeft <= 0) return 'exhausted';
  return 'open';
}
