import type { CourseCompletionQuery, DashboardFiguresFieldsFragment } from '@gql';

/** One bar of a chart. */
export interface Bar {
  key: string;
  label: string;
  /** The bar's length, from 0 to the chart's max. */
  value: number;
  /** The value as written next to the bar (e.g. "45 %"). */
  text: string;
}

export type CourseNode = NonNullable<CourseCompletionQuery['courses']>['edges'][number]['node'];

/** A rate (0–1) as a whole percentage, e.g. 0.456 → 46; null stays null. */
export function percentOf(rate: number | null | undefined): number | null {
  return rate === null || rate === undefined ? null : Math.round(rate * 100);
}

/**
 * Completion per course: each course with enrollments, its completion rate as a bar and as text ("46 % · 6 of 13"),
 * highest first. Courses nobody is enrolled in have no rate and are left out of the chart (the table lists them).
 */
export function completionBars(courses: readonly CourseNode[], format: (percent: number, completed: number, enrolled: number) => string): Bar[] {
  return courses
    .filter((course) => course.analytics && course.analytics.enrolled > 0)
    .map((course) => {
      const analytics = course.analytics!;
      const percent = percentOf(analytics.completionRate ?? analytics.completed / analytics.enrolled) ?? 0;
      return { key: course.id, label: course.title, value: percent, text: format(percent, analytics.completed, analytics.enrolled) };
    })
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
}

/** The overview figures in reading order, each with its message key and its value as text. */
export function overviewFigures(
  figures: DashboardFiguresFieldsFragment,
  number: (value: number, digits?: number) => string,
): { key: string; value: string; warn?: boolean }[] {
  const rate = percentOf(figures.completionRate);
  return [
    { key: 'members', value: number(figures.members) },
    { key: 'activeLearnersLast7Days', value: number(figures.activeLearnersLast7Days) },
    { key: 'activeLearnersLast30Days', value: number(figures.activeLearnersLast30Days) },
    { key: 'enrollments', value: number(figures.enrollments) },
    { key: 'completions', value: number(figures.completions) },
    { key: 'completionRate', value: rate === null ? '—' : `${rate} %` },
    { key: 'averageScore', value: figures.averageScore === null ? '—' : number(figures.averageScore, 1) },
    { key: 'overdueEnrollments', value: number(figures.overdueEnrollments), warn: figures.overdueEnrollments > 0 },
    {
      key: 'labsRunning',
      value: figures.labQuota === null ? number(figures.labsRunning) : `${number(figures.labsRunning)} / ${number(figures.labQuota)}`,
    },
    { key: 'labHoursUsed', value: number(figures.labHoursUsed, 1) },
    { key: 'studyHours', value: number(figures.studyHours, 1) },
    { key: 'certificates', value: number(figures.certificates) },
  ];
}
