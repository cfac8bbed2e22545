import { useEnrollMutation } from '@gql';

/**
 * "Enroll in this course": the graph answers the enrollment with its progress; it is then linked to the course in the
 * normalized cache (Course.myEnrollment), so the course page shows the progress bar at once, without asking again.
 * Errors (no seat left: CONFLICT) stay in `error` for the page to show.
 */
export function useEnrollInCourse(courseId: () => string) {
  const { mutate, loading, error } = useEnrollMutation(() => ({
    throws: 'never',
    update: (cache, { data }) => {
      const enrollments = data?.enroll.enrollments ?? [];
      const enrollment = enrollments.find((candidate) => candidate.course?.id === courseId()) ?? enrollments[0];
      if (!enrollment) return;
      cache.modify({
        id: cache.identify({ __typename: 'Course', id: courseId() }),
        fields: {
          myEnrollment: (_existing, { toReference }) => toReference({ __typename: 'Enrollment', id: enrollment.id }),
        },
      });
    },
  }));
  const enroll = () => mutate({ input: { courseId: courseId() } });
  return { enroll, enrolling: loading, enrollError: error };
}
