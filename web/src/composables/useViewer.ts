import { computed } from 'vue';
import { useMeQuery } from '@gql';
import { useSession } from '@/auth/useSession';

/**
 * The signed-in user as the graph knows them (`me`): name, role, organization, teams. Role-dependent screens read
 * the role from here — the subgraphs enforce it anyway, the console only hides what would be refused.
 */
export function useViewer() {
  const session = useSession();
  const { result, loading, error, refetch } = useMeQuery(() => ({
    enabled: session.user.value !== null,
    fetchPolicy: 'cache-first',
  }));
  const me = computed(() => result.value?.me ?? null);
  const role = computed(() => me.value?.role ?? null);
  const isManager = computed(() => role.value === 'MANAGER' || role.value === 'ROOT');
  return { me, role, isManager, loading, error, refetch };
}
