import { describe, expect, it } from 'vitest';
import { answerInput, parseNumber, questionState } from './answers';

describe('what an answer sends', () => {
  it('sends exactly one option for a single choice, one or more for a multiple choice', () => {
    expect(answerInput({ id: 'q', kind: 'SINGLE_CHOICE' }, { choices: ['a'], text: '' })).toEqual({ questionId: 'q', choices: ['a'] });
    expect(answerInput({ id: 'q', kind: 'SINGLE_CHOICE' }, { choices: [], text: '' })).toBeNull();
    expect(answerInput({ id: 'q', kind: 'MULTIPLE_CHOICE' }, { choices: ['a', 'c'], text: '' })).toEqual({ questionId: 'q', choices: ['a', 'c'] });
    expect(answerInput({ id: 'q', kind: 'MULTIPLE_CHOICE' }, { choices: [], text: '' })).toBeNull();
  });

  it('sends a flag and a free-text answer without surrounding spaces, and nothing when empty', () => {
    expect(answerInput({ id: 'q', kind: 'FLAG' }, { choices: [], text: '  CYCUBE{x} ' })).toEqual({ questionId: 'q', flag: 'CYCUBE{x}' });
    expect(answerInput({ id: 'q', kind: 'FLAG' }, { choices: [], text: '   ' })).toBeNull();
    expect(answerInput({ id: 'q', kind: 'FREE_TEXT' }, { choices: [], text: ' Because. ' })).toEqual({ questionId: 'q', text: 'Because.' });
  });

  it('sends a number only when one was typed, with a decimal point or comma', () => {
    expect(answerInput({ id: 'q', kind: 'NUMERIC' }, { choices: [], text: '22' })).toEqual({ questionId: 'q', number: 22 });
    expect(parseNumber('3,5')).toBe(3.5);
    expect(parseNumber('-0.25')).toBe(-0.25);
    expect(parseNumber('twenty')).toBeNull();
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('1.2.3')).toBeNull();
  });

  it('tells an open question from a solved one and one without attempts left', () => {
    expect(questionState({ solved: false, attemptsLeft: 2 })).toBe('open');
    expect(questionState({ solved: true, attemptsLeft: 0 })).toBe('solved');
    expect(questionState({ solved: false, attemptsLeft: 0 })).toBe('exhausted');
    expect(questionState(null)).toBe('open');
  });
});
