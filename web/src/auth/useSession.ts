import { inject, type InjectionKey } from 'vue';
import type { Session } from './session';

export const SESSION: InjectionKey<Session> = Symbol('session');

/** The signed-in session, provided by main.ts. */
export function useSession(): Session {
  const session = inject(SESSION);
  if (!session) throw new Error('no session provided');
  return session;
}
