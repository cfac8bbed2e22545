import { describe, expect, it } from 'vitest';
import { CompleteReadingDocument, CubePageDocument } from '@gql';
import { mountScreen, settle } from '../testSupport';
import { COURSE, ENROLLMENT, READING, courseAnswer, enrollment, progress, readingAnswer } from '../testFixtures';
import CubePage from './CubePage.vue';

const markedRead = {
  request: { query: CompleteReadingDocument, variables: { input: { enrollmentId: ENROLLMENT, cubeId: READING } } },
  result: { data: { completeReading: { enrollment: { __typename: 'Enrollment', id: ENROLLMENT, progress: progress([READING]) } } } },
};

describe('a reading cube', () => {
  it('shows the reading as formatted text under the cube’s title, with the course’s progress bar', async () => {
    const { wrapper } = await mountScreen(CubePage, { props: { courseId: COURSE, cubeId: READING }, mocks: [courseAnswer(enrollment()), readingAnswer()] });

    expect(wrapper.get('h1').text()).toBe('Anatomy of a Phishing Email');
    expect(wrapper.get('.markdown h2').text()).toBe('Anatomy of a phishing email');
    expect(wrapper.get('.markdown li strong').text()).toBe('Urgency');
    expect(wrapper.get('[role="progressbar"]').attributes('aria-valuenow')).toBe('0');
    expect(wrapper.get('[data-testid="cube-completed"]').text()).toContain('Not completed');
    expect(wrapper.get('nav.breadcrumb a').attributes('href')).toBe(`/courses/${COURSE}`);
    expect(wrapper.get('a[rel="next"]').text()).toBe('Next: Spot the Phish');
  });

  it('"Mark as read" completes the cube and moves the progress bar at once', async () => {
    const { wrapper } = await mountScreen(CubePage, {
      props: { courseId: COURSE, cubeId: READING },
      mocks: [courseAnswer(enrollment()), readingAnswer(), markedRead],
    });

    const button = wrapper.findAll('button').find((candidate) => candidate.text() === 'Mark as read');
    await button!.trigger('click');
    await settle();

    expect(wrapper.get('[role="progressbar"]').attributes('aria-valuenow')).toBe('33');
    expect(wrapper.get('[data-testid="cube-completed"]').text()).toContain('Completed');
    expect(wrapper.text()).toContain('You have read this.');
    expect(wrapper.findAll('button').some((candidate) => candidate.text() === 'Mark as read')).toBe(false);
  });

  it('asks a trainee who is not enrolled to enroll first, and offers no "Mark as read"', async () => {
    const { wrapper } = await mountScreen(CubePage, { props: { courseId: COURSE, cubeId: READING }, mocks: [courseAnswer(null), readingAnswer()] });

    expect(wrapper.text()).toContain('You are not enrolled in this course');
    expect(wrapper.findAll('button').map((button) => button.text())).toEqual(['Enroll in this course']);
  });

  it('answers a cube that is not part of the course as not found', async () => {
    const elsewhere = {
      request: { query: CubePageDocument, variables: { id: 'cube-other' } },
      result: { data: { cube: { ...readingAnswer().result.data.cube, id: 'cube-other' } } },
    };
    const { wrapper } = await mountScreen(CubePage, { props: { courseId: COURSE, cubeId: 'cube-other' }, mocks: [courseAnswer(enrollment()), elsewhere] });

    expect(wrapper.get('[role="alert"]').attributes('data-code')).toBe('NOT_FOUND');
    expect(wrapper.find('.markdown').exists()).toBe(false);
  });
});
