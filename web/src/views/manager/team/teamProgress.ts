import type { OnProgressUpdatedSubscription, ProgressStatus, TeamProgressQuery } from '@gql';

export type MemberNode = NonNullable<TeamProgressQuery['members']>['edges'][number]['node'];
export type LiveEnrollment = OnProgressUpdatedSubscription['progressUpdated'];

/** One enrollment of a member, as the team progress table shows it. */
export interface ProgressRow {
  enrollmentId: string;
  courseTitle: string;
  percent: number;
  completedCubes: number;
  totalCubes: number;
  status: ProgressStatus;
  overdue: boolean;
  dueAt: string | null;
  lastActivityAt: string | null;
}

/** A member with their enrollments' progress. */
export interface MemberProgress {
  id: string;
  displayName: string;
  rows: ProgressRow[];
  /** Enrollments beyond the ones shown (the query reads each member's latest ten). */
  moreEnrollments: number;
}

function rowOf(
  enrollment: { id: string; course: { title: string } | null; progress: LiveEnrollment['progress'] | MemberEnrollment['progress'] },
  dueAt: string | null,
): ProgressRow {
  const progress = enrollment.progress;
  return {
    enrollmentId: enrollment.id,
    courseTitle: enrollment.course?.title ?? '',
    percent: progress.percent,
    completedCubes: progress.completedCubes,
    totalCubes: progress.totalCubes,
    status: progress.status,
    overdue: progress.status === 'OVERDUE',
    dueAt,
    lastActivityAt: progress.lastActivityAt ?? null,
  };
}

type MemberEnrollment = NonNullable<MemberNode['enrollments']>['edges'][number]['node'];

/**
 * The table's content: the members as the query read them, with every enrollment that `progressUpdated` pushed since
 * (by enrollment id, the latest push wins): a pushed enrollment replaces the one read, a new one (just enrolled or
 * assigned) is added to its member. A member the page does not show yet is added only when the list is complete
 * (`complete`: no further page), so a push never duplicates someone on a later page.
 */
export function memberProgress(
  members: readonly MemberNode[],
  live: ReadonlyMap<string, LiveEnrollment>,
  complete: boolean,
): MemberProgress[] {
  const shown: MemberProgress[] = members.map((member) => {
    const edges = member.enrollments?.edges ?? [];
    return {
      id: member.id,
      displayName: member.displayName,
      rows: edges.map(({ node }) => {
        const pushed = live.get(node.id);
        return pushed ? rowOf(pushed, node.dueAt) : rowOf(node, node.dueAt);
      }),
      moreEnrollments: Math.max(0, (member.enrollments?.totalCount ?? edges.length) - edges.length),
    };
  });
  const byId = new Map(shown.map((member) => [member.id, member]));
  for (const pushed of live.values()) {
    const userId = pushed.user?.id;
    if (!userId) continue;
    let member = byId.get(userId);
    if (!member) {
      if (!complete) continue;
      member = { id: userId, displayName: pushed.user?.displayName ?? '', rows: [], moreEnrollments: 0 };
      byId.set(userId, member);
      shown.push(member);
    }
    if (!member.rows.some((row) => row.enrollmentId === pushed.id)) {
      member.rows.unshift(rowOf(pushed, null));
    }
  }
  return shown;
}

/** The progressUpdated input for the page's filter: one team's members, or the whole organization. */
export function progressSubscriptionInput(teamId: string | null): { teamId: string } | { organizationWide: true } {
  return teamId ? { teamId } : { organizationWide: true };
}
