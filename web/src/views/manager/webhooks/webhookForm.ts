import type { CreateWebhookInput, UpdateWebhookInput } from '@gql';

/** The webhook form as typed. */
export interface WebhookForm {
  url: string;
  description: string;
  eventTypes: string[];
}

export interface WebhookProblems {
  url?: 'urlMissing' | 'urlInvalid';
  eventTypes?: 'eventTypesMissing';
}

export function emptyWebhookForm(): WebhookForm {
  return { url: '', description: '', eventTypes: [] };
}

/**
 * What the form needs before it is sent: an http(s) URL and at least one event type. Whether the address is allowed
 * (https only, public, no credentials) is the graph's rule: its BAD_USER_INPUT says which one failed.
 */
export function validateWebhookForm(form: WebhookForm): WebhookProblems {
  const problems: WebhookProblems = {};
  const url = form.url.trim();
  if (!url) problems.url = 'urlMissing';
  else if (!isHttpUrl(url)) problems.url = 'urlInvalid';
  if (form.eventTypes.length === 0) problems.eventTypes = 'eventTypesMissing';
  return problems;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

export function createWebhookInput(form: WebhookForm): CreateWebhookInput {
  const description = form.description.trim();
  return { url: form.url.trim(), eventTypes: [...form.eventTypes], ...(description ? { description } : {}) };
}

/** The update for an edited webhook: only what changed (fields left out keep their value). */
export function updateWebhookInput(id: string, before: WebhookForm, after: WebhookForm): UpdateWebhookInput {
  const input: UpdateWebhookInput = { id };
  if (after.url.trim() !== before.url.trim()) input.url = after.url.trim();
  if (after.description.trim() !== before.description.trim()) input.description = after.description.trim();
  const sameTypes = after.eventTypes.length === before.eventTypes.length && after.eventTypes.every((type) => before.eventTypes.includes(type));
  if (!sameTypes) input.eventTypes = [...after.eventTypes];
  return input;
}
