import { onScopeDispose, ref, type Ref } from 'vue';

/** The current time (epoch milliseconds), ticking every `intervalMs` while the component that asked for it lives. */
export function useNow(intervalMs = 1000): Ref<number> {
  const now = ref(Date.now());
  const timer = setInterval(() => {
    now.value = Date.now();
  }, intervalMs);
  onScopeDispose(() => clearInterval(timer));
  return now;
}
