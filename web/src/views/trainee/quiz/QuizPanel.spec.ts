import { describe, expect, it } from 'vitest';
import { QuizDocument, SubmitAnswerDocument, TakeHintDocument } from '@gql';
import { mountScreen, settle } from '../testSupport';
import QuizPanel from './QuizPanel.vue';

const CUBE = 'cube-phishing-spot-quiz';

function question(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Question',
    id: 'q-urgency',
    kind: 'SINGLE_CHOICE',
    prompt: 'An email says your account will be closed. What is the **best** first step?',
    points: 10,
    maxAttempts: 3,
    position: 0,
    options: [
      { __typename: 'QuestionOption', id: 'q-urgency-o1', text: 'Click the link' },
      { __typename: 'QuestionOption', id: 'q-urgency-o2', text: 'Report the message' },
    ],
    hints: [{ __typename: 'Hint', id: 'h-urgency', penalty: 3, text: null, taken: false }],
    myProgress: { __typename: 'QuestionProgress', attemptsUsed: 0, attemptsLeft: 3, solved: false, pointsAwarded: 0, hintPenalty: 0 },
    ...overrides,
  };
}

const quiz = (questions = [question()]) => ({
  request: { query: QuizDocument, variables: { cubeId: CUBE } },
  result: {
    data: {
      cube: { __typename: 'Cube', id: CUBE, title: 'Spot the Phish', kind: 'QUIZ', passMark: 70, quizResult: null, questions },
    },
  },
});

const hint = {
  request: { query: TakeHintDocument, variables: { input: { questionId: 'q-urgency', hintId: 'h-urgency' } } },
  result: {
    data: {
      takeHint: {
        hint: { __typename: 'Hint', id: 'h-urgency', text: 'Never interact with the message itself.', penalty: 3, taken: true },
        progress: { __typename: 'QuestionProgress', attemptsLeft: 3, hintPenalty: 3 },
      },
    },
  },
};

function answer(choice: string, correct: boolean, attemptsLeft: number) {
  return {
    request: { query: SubmitAnswerDocument, variables: { input: { questionId: 'q-urgency', choices: [choice] } } },
    result: {
      data: {
        submitAnswer: {
          correct,
          points: correct ? 7 : 0,
          attemptsLeft,
          quizResult: {
            __typename: 'QuizResult',
            cubeId: CUBE,
            points: correct ? 7 : 0,
            maxPoints: 10,
            score: correct ? 70 : 0,
            passMark: 70,
            passed: correct,
            passedAt: correct ? '2026-03-02T10:00:00Z' : null,
          },
          submission: {
            __typename: 'Submission',
            id: `s-${choice}`,
            status: 'GRADED',
            attempt: correct ? 2 : 1,
            question: {
              __typename: 'Question',
              id: 'q-urgency',
              myProgress: {
                __typename: 'QuestionProgress',
                attemptsUsed: correct ? 2 : 1,
                attemptsLeft,
                solved: correct,
                pointsAwarded: correct ? 7 : 0,
                hintPenalty: 3,
              },
            },
          },
        },
      },
    },
  };
}

describe('the quiz of a cube', () => {
  it('shows each question with its points and the attempts left', async () => {
    const { wrapper } = await mountScreen(QuizPanel, { props: { cubeId: CUBE, kind: 'QUIZ' }, mocks: [quiz()] });

    expect(wrapper.find('h3').text()).toBe('Question 1');
    expect(wrapper.text()).toContain('An email says your account will be closed.');
    expect(wrapper.find('strong').text()).toBe('best');
    expect(wrapper.text()).toContain('10 points');
    expect(wrapper.get('[data-testid="attempts-left"]').text()).toBe('Attempts left: 3 of 3');
    expect(wrapper.text()).toContain('Pass mark: 70 %');
    expect(wrapper.text()).toContain('You have not answered yet.');
  });

  it('keeps "Submit answer" disabled until an answer is chosen', async () => {
    const { wrapper } = await mountScreen(QuizPanel, { props: { cubeId: CUBE, kind: 'QUIZ' }, mocks: [quiz()] });
    const submit = () => wrapper.get('button[type="submit"]');

    expect(submit().text()).toBe('Submit answer');
    expect(submit().attributes('disabled')).toBeDefined();
    await wrapper.get('input[value="q-urgency-o2"]').setValue(true);
    expect(submit().attributes('disabled')).toBeUndefined();
  });

  it('reveals a hint when asked, with what it costs', async () => {
    const { wrapper } = await mountScreen(QuizPanel, { props: { cubeId: CUBE, kind: 'QUIZ' }, mocks: [quiz(), hint] });
    const button = wrapper.findAll('button').find((candidate) => candidate.text() === 'Show hint 1 (costs 3 points)');
    expect(button).toBeDefined();

    await button!.trigger('click');
    await settle();

    expect(wrapper.text()).toContain('Never interact with the message itself.');
    expect(wrapper.text()).toContain('Hints taken cost 3 points.');
    expect(wrapper.findAll('button').some((candidate) => candidate.text().startsWith('Show hint'))).toBe(false);
  });

  it('says a wrong answer is wrong and how many attempts are left — never the right answer', async () => {
    const { wrapper } = await mountScreen(QuizPanel, { props: { cubeId: CUBE, kind: 'QUIZ' }, mocks: [quiz(), answer('q-urgency-o1', false, 2)] });

    await wrapper.get('input[value="q-urgency-o1"]').setValue(true);
    await wrapper.get('form').trigger('submit');
    await settle();

    expect(wrapper.get('[data-testid="feedback-q-urgency"]').text()).toBe('Not correct. 2 attempts left.');
    expect(wrapper.get('[data-testid="attempts-left"]').text()).toBe('Attempts left: 2 of 3');
    expect(wrapper.text()).toContain('Your score: 0 % (0 of 10 points)');
    expect(wrapper.text()).toContain('Not passed yet');
  });

  it('sends the chosen option, then shows the points, the solved question and the passed quiz', async () => {
    const { wrapper } = await mountScreen(QuizPanel, { props: { cubeId: CUBE, kind: 'QUIZ' }, mocks: [quiz(), answer('q-urgency-o2', true, 0)] });

    await wrapper.get('input[value="q-urgency-o2"]').setValue(true);
    await wrapper.get('form').trigger('submit');
    await settle();

    expect(wrapper.get('[data-testid="feedback-q-urgency"]').text()).toBe('Correct — 7 points.');
    expect(wrapper.text()).toContain('Solved — 7 points.');
    expect(wrapper.find('button[type="submit"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="quiz-summary"]').text()).toContain('Your score: 70 % (7 of 10 points) — Passed');
  });

  it('offers no answer once the attempts are used up', async () => {
    const exhausted = question({
      myProgress: { __typename: 'QuestionProgress', attemptsUsed: 3, attemptsLeft: 0, solved: false, pointsAwarded: 0, hintPenalty: 0 },
    });
    const { wrapper } = await mountScreen(QuizPanel, { props: { cubeId: CUBE, kind: 'QUIZ' }, mocks: [quiz([exhausted])] });

    expect(wrapper.text()).toContain('No attempts left for this question.');
    expect(wrapper.find('button[type="submit"]').exists()).toBe(false);
    expect(wrapper.get('fieldset').attributes('disabled')).toBeDefined();
  });

  it('says so when a quiz has no questions yet, and shows nothing for a lab without questions', async () => {
    const empty = await mountScreen(QuizPanel, { props: { cubeId: CUBE, kind: 'QUIZ' }, mocks: [quiz([])] });
    expect(empty.wrapper.text()).toContain('This quiz has no questions yet.');

    const lab = await mountScreen(QuizPanel, { props: { cubeId: CUBE, kind: 'LAB' }, mocks: [quiz([])] });
    expect(lab.wrapper.text()).toBe('');
  });
});
