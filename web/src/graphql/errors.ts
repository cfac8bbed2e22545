import type { ApolloError } from '@apollo/client/core';

/** The error codes the graph answers with (`extensions.code`), each with a message in every language. */
export const KNOWN_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'INTERNAL',
  'GATEWAY_TIMEOUT',
  'SUBREQUEST_HTTP_ERROR',
  'QUERY_TOO_COSTLY',
  'MAX_DEPTH_EXCEEDED',
  'NETWORK',
] as const;

export type KnownCode = (typeof KNOWN_CODES)[number];

export interface ExplainedError {
  /** The i18n key of the message to show (errors.<code>). */
  code: KnownCode | 'UNKNOWN';
  /**
   * The server's own message where it is written for the user (bad input, conflicts): e.g. which field was wrong.
   * Null for the others, whose server messages are for developers.
   */
  detail: string | null;
}

const USER_FACING_DETAIL: ReadonlySet<string> = new Set(['BAD_USER_INPUT', 'CONFLICT', 'RATE_LIMITED']);

/** What to tell the user about a failed operation: the first error's code, mapped to a known one. */
export function explainError(error: ApolloError | Error | null | undefined): ExplainedError | null {
  if (!error) return null;
  const apollo = error as Partial<ApolloError>;
  const first = apollo.graphQLErrors?.[0];
  if (first) {
    const code = String(first.extensions?.code ?? 'UNKNOWN');
    const known = (KNOWN_CODES as readonly string[]).includes(code) ? (code as KnownCode) : 'UNKNOWN';
    return { code: known, detail: USER_FACING_DETAIL.has(code) ? first.message : null };
  }
  if (apollo.networkError) {
    const status = (apollo.networkError as { statusCode?: number }).statusCode;
    if (status === 401) return { code: 'UNAUTHENTICATED', detail: null };
    if (status === 504) return { code: 'GATEWAY_TIMEOUT', detail: null };
    return { code: 'NETWORK', detail: null };
  }
  return { code: 'UNKNOWN', detail: null };
}
