import { useI18n } from 'vue-i18n';

/** Words for the values trainee screens show: durations, levels, cube kinds. */
export function useTraineeFormat() {
  const { t } = useI18n();
  function duration(minutes: number): string {
    const parts = durationParts(minutes);
    if (parts.hours === 0) return t('common.minutes', { minutes: parts.minutes });
    if (parts.minutes === 0) return t('common.hours', { hours: parts.hours });
    return t('common.hoursMinutes', parts);
  }
  const level = (value: string) => t(`common.level.${value}`);
  const cubeKind = (value: string) => t(`common.cubeKind.${value}`);
  return { duration, level, cubeKind };
}

/** Minutes as hours and minutes (75 → 1 h 15 min). */
export function durationParts(minutes: number): { hours: number; minutes: number } {
  const safe = Math.max(0, Math.round(minutes));
  return { hours: Math.floor(safe / 60), minutes: safe % 60 };
}
