import type { LabState } from '@gql';

/**
 * The lab console's rules, apart from the screen: which actions a lab's state allows, how much longer it may run,
 * and how the time left is written and announced.
 */

/** States a lab never leaves: the stream of updates ends, a new lab can be launched. */
export const FINAL_STATES: readonly LabState[] = ['TERMINATED', 'FAILED', 'EXPIRED'];

/** States that hold a place in the organization's quota: the lab can be extended or ended. */
export const ACTIVE_STATES: readonly LabState[] = ['REQUESTED', 'PROVISIONING', 'RUNNING'];

/** Every state, in the order of the life cycle (for the state words). */
export const LAB_STATES: readonly LabState[] = ['REQUESTED', 'PROVISIONING', 'RUNNING', 'STOPPING', 'TERMINATED', 'FAILED', 'EXPIRED'];

/** How many minutes "Extend" asks for when the template allows that much. */
export const DEFAULT_EXTENSION_MINUTES = 30;

/** Minutes left at which the countdown is announced to screen readers (not every second). */
export const MILESTONE_MINUTES: readonly number[] = [30, 15, 10, 5, 1];

export interface LabLike {
  state: LabState;
  connectionUrl?: string | null;
  expiresAt: string;
  requestedAt?: string | null;
  template?: { maxLifetimeMinutes: number } | null;
}

export interface LabActions {
  /** Launch a new lab (there is none, or the last one ended). */
  launch: boolean;
  /** Open the remote-access session. */
  connect: boolean;
  /** Move the expiry later. */
  extend: boolean;
  /** Stop the lab and remove its machine. */
  terminate: boolean;
}

export function isFinal(state: LabState): boolean {
  return FINAL_STATES.includes(state);
}

export function isActive(state: LabState): boolean {
  return ACTIVE_STATES.includes(state);
}

/** What the trainee may do with this lab now (`now` in epoch milliseconds). */
export function labActions(lab: LabLike | null, now: number): LabActions {
  if (!lab) return { launch: true, connect: false, extend: false, terminate: false };
  const expired = Date.parse(lab.expiresAt) <= now;
  const active = isActive(lab.state);
  return {
    launch: isFinal(lab.state),
    connect: lab.state === 'RUNNING' && !expired && isSafeHttpUrl(lab.connectionUrl),
    extend: active && !expired && extensionMinutes(lab) > 0,
    terminate: active,
  };
}

/**
 * How many minutes "Extend" asks for: the default, or what is left of the template's maximum lifetime (counted from
 * the launch) when that is less; 0 when the lab is at its maximum. Unknown limits: the default (the graph decides).
 */
export function extensionMinutes(lab: LabLike, preferred: number = DEFAULT_EXTENSION_MINUTES): number {
  const maxMinutes = lab.template?.maxLifetimeMinutes;
  if (!lab.requestedAt || maxMinutes == null) return preferred;
  const latestExpiry = Date.parse(lab.requestedAt) + maxMinutes * 60_000;
  const allowance = Math.floor((latestExpiry - Date.parse(lab.expiresAt)) / 60_000);
  return Math.max(0, Math.min(preferred, allowance));
}

/** The time left as a clock: "1:02:03", "12:05", "0:09"; never negative. */
export function formatRemaining(milliseconds: number): string {
  const total = Math.max(0, Math.floor(milliseconds / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (value: number) => String(value).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`;
}

/**
 * The milestone passed between two ticks of the countdown, for a polite announcement: the number of minutes left
 * (30, 15, 10, 5, 1), 'expired' when the time ran out, or null (most ticks, and the first one: nothing is announced
 * on opening the page).
 */
export function crossedMilestone(
  previousMs: number | null,
  currentMs: number,
  milestones: readonly number[] = MILESTONE_MINUTES,
): number | 'expired' | null {
  if (previousMs === null || currentMs >= previousMs) return null;
  if (previousMs > 0 && currentMs <= 0) return 'expired';
  const crossed = milestones.filter((minutes) => previousMs > minutes * 60_000 && currentMs <= minutes * 60_000);
  return crossed.length > 0 ? Math.min(...crossed) : null;
}

/** Only web addresses open from the console (never javascript: or data: URLs, whatever the graph returns). */
export function isSafeHttpUrl(url: string | null | undefined): url is string {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}
