import { describe, expect, it } from 'vitest';
import { assignTrainingInput, emptyAssignForm, validateAssignForm } from './assignForm';

describe('the assign-training form', () => {
  it('needs a course, someone to assign it to and a due date', () => {
    expect(validateAssignForm(emptyAssignForm())).toEqual({
      courseId: 'courseMissing',
      recipients: 'recipientsMissing',
      dueDate: 'dueDateMissing',
    });
  });

  it('accepts members, teams or both as who takes the training', () => {
    const base = { courseId: 'c1', dueDate: '2027-03-15' };
    expect(validateAssignForm({ ...base, userIds: ['u1'], teamIds: [] })).toEqual({});
    expect(validateAssignForm({ ...base, userIds: [], teamIds: ['t1'] })).toEqual({});
    expect(validateAssignForm({ ...base, userIds: ['u1'], teamIds: ['t1'] })).toEqual({});
  });

  it('refuses a date that does not exist', () => {
    expect(validateAssignForm({ courseId: 'c1', userIds: ['u1'], teamIds: [], dueDate: '2027-02-30' }).dueDate).toBe('dueDateInvalid');
  });

  it('leaves a date in the past to the graph, which answers BAD_USER_INPUT', () => {
    expect(validateAssignForm({ courseId: 'c1', userIds: ['u1'], teamIds: [], dueDate: '2001-01-01' })).toEqual({});
  });

  it('sends the end of the due day in the manager’s time zone, and only the recipients chosen', () => {
    const input = assignTrainingInput({ courseId: 'c1', userIds: ['u1'], teamIds: [], dueDate: '2027-03-15' });
    expect(input).toEqual({ courseId: 'c1', userIds: ['u1'], dueAt: new Date(2027, 2, 15, 23, 59, 59).toISOString() });
  });
});
