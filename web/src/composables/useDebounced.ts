import { onScopeDispose, ref, watch, type Ref, type WatchSource } from 'vue';

/**
 * A value that follows `source` once it has stopped changing for `delayMs` (a search box asks the graph when the user
 * pauses typing, not on every key).
 */
export function useDebounced<T>(source: WatchSource<T>, delayMs = 300): Ref<T> {
  const read = () => (typeof source === 'function' ? (source as () => T)() : (source as Ref<T>).value);
  const settled = ref(read()) as Ref<T>;
  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(source, (value) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      settled.value = value;
    }, delayMs);
  });
  onScopeDispose(() => clearTimeout(timer));
  return settled;
}
