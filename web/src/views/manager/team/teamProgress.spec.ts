import { describe, expect, it } from 'vitest';
import { memberProgress, progressSubscriptionInput, type LiveEnrollment, type MemberNode } from './teamProgress';

function member(id: string, name: string, enrollments: { id: string; course: string; percent: number; status?: 'ON_TRACK' | 'OVERDUE' | 'COMPLETED'; dueAt?: string }[], total?: number): MemberNode {
  return {
    id,
    displayName: name,
    status: 'ACTIVE',
    enrollments: {
      totalCount: total ?? enrollments.length,
      edges: enrollments.map((enrollment) => ({
        node: {
          id: enrollment.id,
          dueAt: enrollment.dueAt ?? null,
          course: { id: `course-${enrollment.course}`, title: enrollment.course },
          progress: { percent: enrollment.percent, completedCubes: 1, totalCubes: 4, status: enrollment.status ?? 'ON_TRACK', lastActivityAt: null },
        },
      })),
    },
  };
}

function pushed(id: string, userId: string, name: string, course: string, percent: number): LiveEnrollment {
  return {
    id,
    user: { id: userId, displayName: name },
    course: { id: `course-${course}`, title: course },
    progress: { percent, completedCubes: 2, totalCubes: 4, score: null, status: 'ON_TRACK', lastActivityAt: '2026-12-07T10:00:00Z', completedAt: null },
  };
}

describe('the team progress table', () => {
  it('shows each member with the progress of each of their courses', () => {
    const table = memberProgress([member('u1', 'Tina', [{ id: 'e1', course: 'Linux', percent: 25 }])], new Map(), true);
    expect(table).toHaveLength(1);
    expect(table[0].rows[0]).toMatchObject({ enrollmentId: 'e1', courseTitle: 'Linux', percent: 25, overdue: false });
  });

  it('marks overdue training as overdue', () => {
    const table = memberProgress([member('u1', 'Tina', [{ id: 'e1', course: 'Linux', percent: 25, status: 'OVERDUE', dueAt: '2026-01-01T00:00:00Z' }])], new Map(), true);
    expect(table[0].rows[0].overdue).toBe(true);
  });

  it('moves a progress bar when progressUpdated pushes the enrollment, keeping its due date', () => {
    const members = [member('u1', 'Tina', [{ id: 'e1', course: 'Linux', percent: 25, dueAt: '2027-01-01T00:00:00Z' }])];
    const table = memberProgress(members, new Map([['e1', pushed('e1', 'u1', 'Tina', 'Linux', 50)]]), true);
    expect(table[0].rows[0]).toMatchObject({ percent: 50, completedCubes: 2, dueAt: '2027-01-01T00:00:00Z' });
  });

  it('adds a course a member just enrolled in to that member', () => {
    const members = [member('u1', 'Tina', [{ id: 'e1', course: 'Linux', percent: 25 }])];
    const table = memberProgress(members, new Map([['e2', pushed('e2', 'u1', 'Tina', 'Phishing', 0)]]), false);
    expect(table[0].rows.map((row) => row.courseTitle)).toEqual(['Phishing', 'Linux']);
  });

  it('adds a member it does not show only when the whole list is on the page', () => {
    const live = new Map([['e9', pushed('e9', 'u9', 'Nora', 'Linux', 10)]]);
    expect(memberProgress([], live, false)).toHaveLength(0);
    expect(memberProgress([], live, true).map((shown) => shown.displayName)).toEqual(['Nora']);
  });

  it('says how many more courses a member has than the ten shown', () => {
    const table = memberProgress([member('u1', 'Tina', [{ id: 'e1', course: 'Linux', percent: 25 }], 13)], new Map(), true);
    expect(table[0].moreEnrollments).toBe(12);
  });

  it('follows one team when a team is chosen, else the whole organization', () => {
    expect(progressSubscriptionInput('team-a')).toEqual({ teamId: 'team-a' });
    expect(progressSubscriptionInput(null)).toEqual({ organizationWide: true });
  });
});
