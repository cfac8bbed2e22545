// How the Vue app reads the generated composition functions. Type-checking this file (npm run typecheck)
// catches schema changes that still validate in the operations but break the code that uses their results
// (a field made nullable, a list turned into a connection, an enum value renamed).
import { computed, ref } from 'vue';
import {
  useCourseQuery,
  useExtendLabMutation,
  useLabUpdatedSubscription,
  useLaunchLabMutation,
  useTerminateLabMutation,
  useCoursesQuery,
  useMeQuery,
  useSearchCatalogQuery,
  useUpdateProfileMutation,
  useTraineeDashboardQuery,
  useEnrollMutation,
  useCompleteReadingMutation,
  useQuizQuery,
  useSubmitAnswerMutation,
  useTakeHintMutation,
  useOnProgressUpdatedSubscription,
  useVerifyCertificateQuery,
  useRevokeCertificateMutation,
  useOrganizationDashboardQuery,
  OnDashboardUpdatedDocument,
  type OnDashboardUpdatedSubscription,
  type OnDashboardUpdatedSubscriptionVariables,
  useMyLearningReportQuery,
  useExportReportMutation,
  useSkillCoverageQuery,
  useUnreadNotificationCountQuery,
  useOnNotificationReceivedSubscription,
  useMarkNotificationsReadMutation,
  useNotificationPreferencesQuery,
  type NotificationKind,
  type ReportScope,
  type ReportFormat,
  type CubeKind,
  type ProgressStatus,
} from './generated/graphql';

export function useProfile() {
  const { result, loading, error } = useMeQuery();
  const me = computed(() => result.value?.me ?? null);
  const organizationName = computed<string | undefined>(() => me.value?.organization?.name);
  const teamNames = computed<string[]>(() => me.value?.teams.map((team) => team.name) ?? []);
  const { mutate, loading: saving } = useUpdateProfileMutation({});
  const save = async (displayName: string, locale?: string) => {
    const saved = await mutate({ input: { displayName, locale } });
    return saved?.data?.updateProfile?.user.displayName;
  };
  return { loading, error, me, organizationName, teamNames, save, saving };
}

export function useCatalogPage(after?: string) {
  const { result } = useCoursesQuery({ first: 20, after });
  const courses = computed(() =>
    result.value?.courses?.edges.map(({ node }) => ({
      id: node.id,
      title: node.title,
      author: node.author?.displayName ?? 'CyCube',
      minutes: node.estimatedMinutes,
    })) ?? [],
  );
  const nextCursor = computed(() => (result.value?.courses?.pageInfo.hasNextPage ? result.value.courses.pageInfo.endCursor : null));
  return { courses, nextCursor };
}

const cubeIcon: Record<CubeKind, string> = { READING: 'book', QUIZ: 'question', LAB: 'terminal' };

export function useCoursePage(id: string) {
  const { result } = useCourseQuery({ id });
  return computed(() =>
    result.value?.course?.modules.map((module) => ({
      title: module.title,
      cubes: module.cubes.map((cube) => ({ id: cube.id, title: cube.title, icon: cubeIcon[cube.kind] })),
    })) ?? [],
  );
}

export function useSearch(query: () => string) {
  const { result } = useSearchCatalogQuery(() => ({ query: query() }), () => ({ enabled: query().length > 2 }));
  return computed(() =>
    result.value?.searchCatalog?.edges.map(({ node }) => ({
      courseId: node.course.id,
      title: node.course.title,
      snippet: node.highlights[0]?.snippet ?? node.course.summary ?? '',
    })) ?? [],
  );
}

/** The lab console: launch a LAB cube's lab, then follow it live until it ends; newer revisions win. */
export function useLabConsole(cubeId: string, templateId: string) {
  const { mutate: launch, loading: launching } = useLaunchLabMutation({});
  const labId = ref<string | null>(null);
  const start = async () => {
    const launched = await launch({ input: { cubeId, templateId } });
    labId.value = launched?.data?.launchLab?.lab.id ?? null;
  };
  const { result } = useLabUpdatedSubscription(
    () => ({ id: labId.value ?? '' }),
    () => ({ enabled: labId.value !== null }),
  );
  const lab = computed(() => result.value?.labUpdated ?? null);
  const canConnect = computed(() => lab.value?.state === 'RUNNING' && lab.value.connectionUrl !== null);
  const { mutate: extend } = useExtendLabMutation({});
  const { mutate: terminate } = useTerminateLabMutation({});
  return {
    start,
    launching,
    lab,
    canConnect,
    extend: (minutes: number) => (labId.value ? extend({ input: { id: labId.value, minutes } }) : undefined),
    terminate: () => (labId.value ? terminate({ input: { id: labId.value } }) : undefined),
  };
}

const statusColour: Record<ProgressStatus, string> = { ON_TRACK: 'blue', OVERDUE: 'red', COMPLETED: 'green' };

/**
 * The trainee dashboard: one request for profile, enrollments with progress, certificates and running labs.
 * A subgraph that is down nulls only its own fields (with an error), so the page keeps what the others answered
 * (errorPolicy 'all' keeps partial data) and says which part is missing.
 */
export function useDashboard() {
  const { result, loading, error, fetchMore } = useTraineeDashboardQuery({ first: 20 }, { errorPolicy: 'all' });
  const me = computed(() => result.value?.me ?? null);
  const unavailable = computed(() => ({
    training: me.value !== null && me.value.enrollments === null, // training down
    certificates: me.value !== null && me.value.certificates === null, // assessment down
    labs: me.value !== null && me.value.activeLabs === null, // labs down
  }));
  const rows = computed(() =>
    me.value?.enrollments?.edges.map(({ node }) => ({
      id: node.id,
      course: node.course?.title ?? 'Course unavailable', // catalog down: the rest of the page still shows
      percent: node.progress.percent,
      colour: statusColour[node.progress.status],
      due: node.dueAt ? new Date(node.dueAt) : null,
    })) ?? [],
  );
  const certificates = computed(() => me.value?.certificates?.map((c) => `${c.courseTitle} (${c.score}%)`) ?? []);
  const runningLabs = computed(() => me.value?.activeLabs?.filter((lab) => lab.state === 'RUNNING').length ?? 0);
  const more = () => {
    const cursor = me.value?.enrollments?.pageInfo.endCursor;
    return cursor ? fetchMore({ variables: { first: 20, after: cursor } }) : undefined;
  };
  return { loading, error, unavailable, rows, certificates, runningLabs, more };
}

/** Enroll, then mark readings as done. */
export function useEnrollment(courseId: string) {
  const { mutate: enroll } = useEnrollMutation({});
  const { mutate: complete } = useCompleteReadingMutation({});
  const start = async () => (await enroll({ input: { courseId } }))?.data?.enroll.enrollments[0]?.id ?? null;
  const markRead = async (enrollmentId: string, cubeId: string) =>
    (await complete({ input: { enrollmentId, cubeId } }))?.data?.completeReading.enrollment.progress.percent;
  return { start, markRead };
}

/** The quiz page: questions, answers with immediate feedback, hints that cost points. */
export function useQuiz(cubeId: string) {
  const { result, refetch } = useQuizQuery({ cubeId });
  const questions = computed(() => result.value?.cube?.questions ?? []);
  const passed = computed<boolean>(() => result.value?.cube?.quizResult?.passed ?? false);
  const { mutate: submit } = useSubmitAnswerMutation({});
  const { mutate: hint } = useTakeHintMutation({});
  const answerFlag = async (questionId: string, flag: string) => {
    const answered = await submit({ input: { questionId, flag } });
    const payload = answered?.data?.submitAnswer;
    return payload ? { correct: payload.correct === true, attemptsLeft: payload.attemptsLeft, passed: payload.quizResult?.passed ?? false } : null;
  };
  const answerChoices = (questionId: string, choices: string[]) => submit({ input: { questionId, choices } });
  const answerNumber = (questionId: string, number: number) => submit({ input: { questionId, number } });
  const revealHint = async (questionId: string, hintId: string) =>
    (await hint({ input: { questionId, hintId } }))?.data?.takeHint.hint.text ?? null;
  return { questions, passed, answerFlag, answerChoices, answerNumber, revealHint, refetch };
}

/** Live progress bars: my own, or a team's for a manager. */
export function useLiveProgress(teamId?: string) {
  const { result } = useOnProgressUpdatedSubscription(() => ({ input: teamId ? { teamId } : null }));
  return computed(() => {
    const update = result.value?.progressUpdated;
    return update
      ? { who: update.user?.displayName ?? '', course: update.course?.title ?? '', percent: update.progress.percent, status: update.progress.status }
      : null;
  });
}

/** The public verification page of a certificate (no sign-in). */
export function useCertificateCheck(code: () => string) {
  const { result } = useVerifyCertificateQuery(() => ({ code: code() }), () => ({ enabled: code().length > 0 }));
  return computed(() => {
    const verification = result.value?.verifyCertificate;
    if (!verification) return null;
    if (!verification.authentic) return 'Not authentic';
    const issuer = verification.platformContent ? 'CyCube (platform course)' : `${verification.issuer ?? 'an organization'} (its own course)`;
    const status = verification.revoked ? ` — REVOKED on ${verification.revokedAt}` : '';
    return `${verification.holderName} completed ${verification.courseTitle}, issued by ${issuer}${status}`;
  });
}

/** Root or a manager revokes a certificate; every page showing it (cached by id) updates. */
export function useCertificateRevocation() {
  const { mutate } = useRevokeCertificateMutation({});
  return (certificateId: string, reason: string) => mutate({ input: { certificateId, reason } });
}

// The manager's analytics: the organization dashboard kept live by the subscription, a learner's report.
export function useOrganizationDashboard(organizationId?: string) {
  const { result, loading, error, subscribeToMore } = useOrganizationDashboardQuery({ organizationId });
  subscribeToMore<OnDashboardUpdatedSubscriptionVariables, OnDashboardUpdatedSubscription>({
    document: OnDashboardUpdatedDocument,
    variables: { organizationId },
    updateQuery: (previous, { subscriptionData }) => {
      const live = subscriptionData.data.dashboardUpdated;
      return {
        organizationDashboard: { ...previous.organizationDashboard, asOf: live.asOf, figures: live.figures },
      };
    },
  });
  const figures = computed(() => result.value?.organizationDashboard.figures ?? null);
  const completionPercent = computed<number | null>(() =>
    figures.value?.completionRate == null ? null : Math.round(figures.value.completionRate * 100));
  const overdue = computed<number>(() => figures.value?.overdueEnrollments ?? 0);
  const trend = computed(() => result.value?.organizationDashboard.weeklyTrend.map((week) => ({
    week: new Date(week.weekStart as string), completions: week.completions, active: week.activeLearners,
  })) ?? []);
  return { loading, error, figures, completionPercent, overdue, trend };
}

export function useMyLearningReport() {
  const { result, loading } = useMyLearningReportQuery();
  const overdueCourses = computed<string[]>(() => result.value?.me?.learningReport?.courses
    .filter((course) => course.status === 'OVERDUE').map((course) => course.title ?? course.courseId) ?? []);
  return { loading, overdueCourses };
}

// Exports arrive as base64 in the mutation's payload: turn them into a download the browser saves.
export function useReportExport() {
  const { mutate, loading } = useExportReportMutation({});
  const download = async (scope: ReportScope, format: ReportFormat, id?: string): Promise<Blob | null> => {
    const exported = await mutate({ input: { scope, format, id } });
    const report = exported?.data?.exportReport.report;
    if (!report) {
      return null;
    }
    const bytes = Uint8Array.from(atob(report.contentBase64), (c) => c.charCodeAt(0));
    return new Blob([bytes], { type: report.contentType });
  };
  const gaps = useSkillCoverageQuery({});
  const largestGap = computed(() => gaps.result.value?.skillCoverage.skills[0]?.learnersMissing ?? 0);
  return { download, loading, largestGap };
}

// The notifications bell: the unread count, raised live by notificationReceived, lowered by marking read.
export function useNotificationBell() {
  const { result, refetch } = useUnreadNotificationCountQuery();
  const unread = ref<number>(0);
  const latest = ref<string | null>(null);
  const count = computed(() => Math.max(unread.value, result.value?.unreadNotificationCount ?? 0));
  const { onResult } = useOnNotificationReceivedSubscription();
  onResult((pushed) => {
    const notification = pushed.data?.notificationReceived;
    if (notification && !notification.read) {
      unread.value = count.value + 1;
      latest.value = notification.title;
    }
  });
  const { mutate } = useMarkNotificationsReadMutation({});
  const markAllRead = async () => {
    const done = await mutate({ input: { all: true } });
    unread.value = done?.data?.markNotificationsRead.unreadCount ?? 0;
    await refetch();
  };
  const preferences = useNotificationPreferencesQuery();
  const emailKinds = computed<NotificationKind[]>(() => preferences.result.value?.notificationPreferences
    .filter((preference) => preference.email).map((preference) => preference.kind) ?? []);
  return { count, latest, markAllRead, emailKinds };
}
