import type { AuditEventFilter, AuditOutcome } from '@gql';
import { fromLocalDateTime } from '../shared/dates';

export const AUDIT_OUTCOMES: readonly AuditOutcome[] = ['SUCCESS', 'FAILURE', 'DENIED'];

/** The audit filter form as typed: text fields, the outcome select, and two datetime-local inputs. */
export interface AuditFilterForm {
  actor: string;
  action: string;
  resourceType: string;
  resourceId: string;
  outcome: AuditOutcome | '';
  /** 2026-12-07T09:30 (the user's time zone), or empty. */
  from: string;
  to: string;
}

export interface AuditFilterProblems {
  from?: 'timeInvalid';
  to?: 'timeInvalid' | 'toBeforeFrom';
}

export function emptyAuditFilterForm(): AuditFilterForm {
  return { actor: '', action: '', resourceType: '', resourceId: '', outcome: '', from: '', to: '' };
}

export function auditFilterProblems(form: AuditFilterForm): AuditFilterProblems {
  const problems: AuditFilterProblems = {};
  const from = form.from.trim() ? fromLocalDateTime(form.from) : null;
  const to = form.to.trim() ? fromLocalDateTime(form.to) : null;
  if (form.from.trim() && !from) problems.from = 'timeInvalid';
  if (form.to.trim() && !to) problems.to = 'timeInvalid';
  else if (from && to && Date.parse(to) < Date.parse(from)) problems.to = 'toBeforeFrom';
  return problems;
}

/**
 * The auditEvents (and exportAuditEvents) filter for a valid form: every field given, trimmed, times in UTC; fields
 * left empty are left out (no condition). Undefined when nothing is filtered.
 */
export function auditEventFilter(form: AuditFilterForm): AuditEventFilter | undefined {
  const filter: AuditEventFilter = {};
  const text = (value: string) => value.trim();
  if (text(form.actor)) filter.actor = text(form.actor);
  if (text(form.action)) filter.action = text(form.action);
  if (text(form.resourceType)) filter.resourceType = text(form.resourceType);
  if (text(form.resourceId)) filter.resourceId = text(form.resourceId);
  if (form.outcome) filter.outcome = form.outcome;
  const from = fromLocalDateTime(form.from);
  const to = fromLocalDateTime(form.to);
  if (from) filter.from = from;
  if (to) filter.to = to;
  return Object.keys(filter).length > 0 ? filter : undefined;
}
