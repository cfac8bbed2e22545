import { useOnMyProgressUpdatedSubscription } from '@gql';

/**
 * Keeps the trainee's own progress live on the page that calls it: every enrollment pushed by `progressUpdated`
 * (over the WebSocket) is written into the normalized cache by its id, so every progress bar showing that enrollment
 * moves. `onEnrollment` hears each one (e.g. to reload a list that does not hold it yet).
 */
export function useMyProgressLive(onEnrollment?: (enrollmentId: string) => void) {
  const { onResult, error } = useOnMyProgressUpdatedSubscription();
  onResult((pushed) => {
    const enrollment = pushed.data?.progressUpdated;
    if (enrollment && onEnrollment) onEnrollment(enrollment.id);
  });
  return { error };
}
