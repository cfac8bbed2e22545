import { describe, expect, it } from 'vitest';
import { EnrollDocument } from '@gql';
import { mountScreen, settle } from '../testSupport';
import { COURSE, ENROLLMENT, QUIZ, READING, courseAnswer, enrollment, notVisibleCourse, progress } from '../testFixtures';
import CoursePage from './CoursePage.vue';

const progressBar = (wrapper: Awaited<ReturnType<typeof mountScreen>>['wrapper']) => wrapper.get('[role="progressbar"]');

describe('the course page', () => {
  it('shows the course, its modules and cubes in order with each cube’s kind and whether it is completed', async () => {
    const { wrapper } = await mountScreen(CoursePage, { props: { id: COURSE }, mocks: [courseAnswer(enrollment([READING]))] });

    expect(wrapper.get('h1').text()).toBe('Phishing Defense Fundamentals');
    expect(wrapper.text()).toContain('Recognize phishing emails.');
    expect(wrapper.findAll('h3').map((heading) => heading.text())).toEqual(['Module 1: Recognizing Phishing', 'Module 2: Responding']);
    const rows = wrapper.findAll('.cube-row');
    expect(rows.map((row) => row.get('a').text())).toEqual(['Anatomy of a Phishing Email', 'Spot the Phish', 'Investigate a Phishing Mailbox']);
    expect(rows.map((row) => row.get('.badge').text())).toEqual(['Reading', 'Quiz', 'Lab']);
    expect(wrapper.get(`[data-testid="cube-state-${READING}"]`).text()).toBe('Completed');
    expect(wrapper.get(`[data-testid="cube-state-${QUIZ}"]`).text()).toBe('Not completed');
    expect(rows[1].get('a').attributes('href')).toBe(`/courses/${COURSE}/cubes/${QUIZ}`);
  });

  it('shows the trainee’s progress bar and where to continue', async () => {
    const { wrapper } = await mountScreen(CoursePage, { props: { id: COURSE }, mocks: [courseAnswer(enrollment([READING]))] });

    expect(progressBar(wrapper).attributes('aria-label')).toBe('Progress of Phishing Defense Fundamentals');
    expect(progressBar(wrapper).attributes('aria-valuenow')).toBe('33');
    expect(wrapper.text()).toContain('1 of 3 cubes');
    expect(wrapper.text()).toContain('On track');
    expect(wrapper.get('a.button').text()).toBe('Continue with “Spot the Phish”');
  });

  it('moves the progress bar when the graph pushes new progress, without reloading', async () => {
    const { wrapper, subscriptions, sent } = await mountScreen(CoursePage, { props: { id: COURSE }, mocks: [courseAnswer(enrollment([READING]))] });

    subscriptions.simulateResult({
      result: { data: { progressUpdated: { __typename: 'Enrollment', id: ENROLLMENT, dueAt: '2026-04-01T00:00:00Z', progress: progress([READING, QUIZ]) } } },
    });
    await settle();

    expect(progressBar(wrapper).attributes('aria-valuenow')).toBe('66');
    expect(wrapper.get(`[data-testid="cube-state-${QUIZ}"]`).text()).toBe('Completed');
    expect(sent.filter((operation) => operation.name === 'Course')).toHaveLength(1);
  });

  it('offers to enroll when the trainee is not enrolled, then shows the progress bar at once', async () => {
    const enrolled = {
      request: { query: EnrollDocument, variables: { input: { courseId: COURSE } } },
      result: {
        data: {
          enroll: {
            alreadyEnrolled: false,
            enrollments: [{ ...enrollment(), course: { __typename: 'Course', id: COURSE, title: 'Phishing Defense Fundamentals' } }],
          },
        },
      },
    };
    const { wrapper, sent } = await mountScreen(CoursePage, { props: { id: COURSE }, mocks: [courseAnswer(null), enrolled] });

    expect(wrapper.find('[role="progressbar"]').exists()).toBe(false);
    expect(wrapper.find(`[data-testid="cube-state-${READING}"]`).exists()).toBe(false);
    const enroll = wrapper.findAll('button').find((button) => button.text() === 'Enroll in this course');
    await enroll!.trigger('click');
    await settle();

    expect(progressBar(wrapper).attributes('aria-valuenow')).toBe('0');
    expect(wrapper.findAll('button').some((button) => button.text() === 'Enroll in this course')).toBe(false);
    expect(sent.map((operation) => operation.name)).toEqual(['Course', 'OnMyProgressUpdated', 'Enroll']);
  });

  it('answers a course the trainee may not see (another organization’s) as not found, showing nothing of it', async () => {
    const { wrapper } = await mountScreen(CoursePage, { props: { id: COURSE }, mocks: [notVisibleCourse] });

    const alert = wrapper.get('[role="alert"]');
    expect(alert.attributes('data-code')).toBe('NOT_FOUND');
    expect(alert.text()).toContain('We could not find this.');
    expect(wrapper.findAll('h1')).toHaveLength(1);
    expect(wrapper.find('.cube-row').exists()).toBe(false);
    expect(wrapper.findAll('button').some((button) => button.text() === 'Enroll in this course')).toBe(false);
  });

  it('shows the lab state of a cube with a running lab', async () => {
    const answer = courseAnswer(enrollment());
    answer.result.data.course.modules[0].cubes[0] = {
      ...answer.result.data.course.modules[0].cubes[0],
      myLab: { __typename: 'LabInstance', id: 'lab-1', state: 'RUNNING' },
    } as never;
    const { wrapper } = await mountScreen(CoursePage, { props: { id: COURSE }, mocks: [answer] });

    expect(wrapper.findAll('.cube-row')[2].text()).toContain('Lab: Running');
  });
});
