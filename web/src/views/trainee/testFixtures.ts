import { CourseDocument, CubePageDocument } from '@gql';

/** Graph answers for component tests, shaped exactly as the operations ask (with __typename, as the cache stores). */

export const COURSE = 'course-phishing';
export const READING = 'cube-phishing-anatomy';
export const QUIZ = 'cube-phishing-spot-quiz';
export const LAB = 'cube-phishing-mailbox-lab';
export const ENROLLMENT = 'enrollment-1';

export function progress(done: string[], overrides: Record<string, unknown> = {}) {
  const cubes = [READING, QUIZ, LAB];
  return {
    __typename: 'Progress',
    percent: Math.floor((done.length / cubes.length) * 100),
    completedCubes: done.length,
    totalCubes: cubes.length,
    score: null,
    status: done.length === cubes.length ? 'COMPLETED' : 'ON_TRACK',
    timeSpentSeconds: 0,
    lastActivityAt: null,
    completedAt: null,
    cubes: cubes.map((cubeId) => ({ __typename: 'CubeProgress', cubeId, completed: done.includes(cubeId), attempts: 0, score: null })),
    ...overrides,
  };
}

export function enrollment(done: string[] = []) {
  return { __typename: 'Enrollment', id: ENROLLMENT, dueAt: '2026-04-01T00:00:00Z', progress: progress(done) };
}

function cube(id: string, position: number, title: string, kind: string) {
  return { __typename: 'Cube', id, position, title, kind, estimatedMinutes: 10, quizResult: null, myLab: null };
}

export function courseAnswer(myEnrollment: ReturnType<typeof enrollment> | null) {
  return {
    request: { query: CourseDocument, variables: { id: COURSE } },
    result: {
      data: {
        course: {
          __typename: 'Course',
          id: COURSE,
          title: 'Phishing Defense Fundamentals',
          summary: 'Recognize phishing emails.',
          level: 'BEGINNER',
          status: 'PUBLISHED',
          estimatedMinutes: 80,
          author: { __typename: 'User', id: 'root', displayName: 'CyCube Team' },
          myEnrollment,
          skills: [{ __typename: 'Skill', id: 'skill-mitre-t1566', name: 'Phishing' }],
          modules: [
            // sent out of order: the page orders by position
            { __typename: 'Module', id: 'module-respond', position: 2, title: 'Responding', cubes: [cube(LAB, 1, 'Investigate a Phishing Mailbox', 'LAB')] },
            {
              __typename: 'Module',
              id: 'module-recognize',
              position: 1,
              title: 'Recognizing Phishing',
              cubes: [cube(QUIZ, 2, 'Spot the Phish', 'QUIZ'), cube(READING, 1, 'Anatomy of a Phishing Email', 'READING')],
            },
          ],
        },
      },
    },
  };
}

export const notVisibleCourse = {
  request: { query: CourseDocument, variables: { id: COURSE } },
  result: { data: { course: null } },
};

export function readingAnswer() {
  return {
    request: { query: CubePageDocument, variables: { id: READING } },
    result: {
      data: {
        cube: {
          __typename: 'Cube',
          id: READING,
          title: 'Anatomy of a Phishing Email',
          kind: 'READING',
          estimatedMinutes: 10,
          content: '# Anatomy of a phishing email\n\n- **Urgency**: "your account will be closed"\n- A link whose text and target differ',
          labTemplateId: null,
          myLab: null,
        },
      },
    },
  };
}
