import { computed, type Ref } from 'vue';
import { LabConsoleLabFragmentDoc, useLabUpdatedSubscription, type LabConsoleLabFragment } from '@gql';
import { isFinal } from './labRules';

/**
 * Follows a lab live (`labUpdated` over the WebSocket) until it ends. The graph pushes the lab as it is, then every
 * change; each push goes into the normalized cache only when it is not older than what the cache holds (`revision`),
 * so a late push never undoes the answer of "Extend" or "End lab".
 */
export function useLiveLab(lab: Ref<LabConsoleLabFragment | null>) {
  const following = computed(() => lab.value !== null && !isFinal(lab.value.state));
  const { onResult, error } = useLabUpdatedSubscription(
    () => ({ id: lab.value?.id ?? '' }),
    () => ({ enabled: following.value, fetchPolicy: 'no-cache' }),
  );
  onResult((pushed, { client }) => {
    const incoming = pushed.data?.labUpdated;
    if (!incoming) return;
    const id = client.cache.identify({ __typename: 'LabInstance', id: incoming.id });
    const cached = client.cache.readFragment<LabConsoleLabFragment>({ id, fragment: LabConsoleLabFragmentDoc, fragmentName: 'LabConsoleLab' });
    if (cached && cached.revision > incoming.revision) return;
    client.cache.writeFragment({ id, fragment: LabConsoleLabFragmentDoc, fragmentName: 'LabConsoleLab', data: incoming });
  });
  return { following, error };
}
