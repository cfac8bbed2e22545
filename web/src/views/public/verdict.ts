/** What a verification answer means for the person checking. */
export type Verdict = 'valid' | 'revoked' | 'invalid' | null;

export function verdictOf(verification: { authentic: boolean; revoked: boolean | null } | null | undefined): Verdict {
  if (!verification) return null;
  if (!verification.authentic) return 'invalid';
  return verification.revoked ? 'revoked' : 'valid';
}
