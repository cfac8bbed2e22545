import type { AssignTrainingInput } from '@gql';
import { endOfLocalDay } from '../shared/dates';

/** What the manager filled in. */
export interface AssignForm {
  courseId: string;
  userIds: string[];
  teamIds: string[];
  /** As the date input gives it: 2027-03-15, or empty. */
  dueDate: string;
}

/** What is missing, per field: the message key to show next to it. */
export interface AssignProblems {
  courseId?: 'courseMissing';
  recipients?: 'recipientsMissing';
  dueDate?: 'dueDateMissing' | 'dueDateInvalid';
}

export function emptyAssignForm(): AssignForm {
  return { courseId: '', userIds: [], teamIds: [], dueDate: '' };
}

/**
 * What the form must have before it is sent: a course, at least one member or team, a due date. Whether the date is in
 * the future is the graph's rule (BAD_USER_INPUT, shown as it answers), not checked twice here.
 */
export function validateAssignForm(form: AssignForm): AssignProblems {
  const problems: AssignProblems = {};
  if (!form.courseId) problems.courseId = 'courseMissing';
  if (form.userIds.length === 0 && form.teamIds.length === 0) problems.recipients = 'recipientsMissing';
  if (!form.dueDate.trim()) problems.dueDate = 'dueDateMissing';
  else if (endOfLocalDay(form.dueDate) === null) problems.dueDate = 'dueDateInvalid';
  return problems;
}

export function hasProblems(problems: AssignProblems): boolean {
  return Object.keys(problems).length > 0;
}

/** The assignTraining input for a valid form: the due date is the end of that day where the manager is. */
export function assignTrainingInput(form: AssignForm): AssignTrainingInput {
  const dueAt = endOfLocalDay(form.dueDate);
  if (!dueAt) throw new Error('the form is not valid');
  return {
    courseId: form.courseId,
    dueAt,
    ...(form.userIds.length > 0 ? { userIds: [...form.userIds] } : {}),
    ...(form.teamIds.length > 0 ? { teamIds: [...form.teamIds] } : {}),
  };
}
