import type { NotificationKind } from '@gql';

export interface Preference {
  kind: NotificationKind;
  inApp: boolean;
  email: boolean;
}

/** The kinds whose choice differs from what is saved: what "Save" sends (the graph keeps the others as they are). */
export function changedPreferences(saved: Preference[], draft: Record<string, { inApp: boolean; email: boolean } | undefined>): Preference[] {
  return saved
    .filter((preference) => {
      const chosen = draft[preference.kind];
      return chosen !== undefined && (chosen.inApp !== preference.inApp || chosen.email !== preference.email);
    })
    .map((preference) => ({ kind: preference.kind, inApp: draft[preference.kind]!.inApp, email: draft[preference.kind]!.email }));
}
