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
  type CubeKind,
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
