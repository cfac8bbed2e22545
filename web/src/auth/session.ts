import { shallowRef, type ShallowRef } from 'vue';
import { InMemoryWebStorage, UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import type { ConsoleConfig } from '@/config';

/** Where the identity provider sends the browser back after sign-in. */
export const CALLBACK_PATH = '/callback';

/**
 * What the UI may read of the signed-in user's ID token. Role and organization come from the graph (`me`), which
 * is what the subgraphs enforce — never from claims the browser decodes.
 */
export interface SignedInUser {
  subject: string;
  name: string;
  email: string | undefined;
}

/**
 * The signed-in session: OpenID Connect authorization code + PKCE against Keycloak, through oidc-client-ts.
 * Tokens are held in memory only (never localStorage or sessionStorage): a reload signs in again through Keycloak's
 * single sign-on session, without a password. Tokens are renewed with the refresh token before they expire; every
 * renewal is announced (the WebSocket re-authenticates on it).
 */
export class Session {
  readonly user: ShallowRef<SignedInUser | null> = shallowRef(null);
  private readonly manager: UserManager;
  private readonly renewedListeners = new Set<() => void>();
  private current: User | null = null;

  constructor(config: ConsoleConfig, manager?: UserManager) {
    this.manager =
      manager ??
      new UserManager({
        authority: config.oidcAuthority,
        client_id: config.oidcClientId,
        redirect_uri: `${window.location.origin}${CALLBACK_PATH}`,
        post_logout_redirect_uri: `${window.location.origin}/`,
        response_type: 'code',
        scope: 'openid profile email',
        userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
        automaticSilentRenew: true,
        accessTokenExpiringNotificationTimeInSeconds: 30,
        monitorSession: false,
      });
    this.manager.events.addUserLoaded((user) => {
      const renewal = this.current !== null;
      this.accept(user);
      if (renewal) this.renewedListeners.forEach((listener) => listener());
    });
    this.manager.events.addUserUnloaded(() => this.accept(null));
    this.manager.events.addSilentRenewError(() => this.accept(null));
  }

  /** A valid access token, or null when signed out (an expired one is renewed first when possible). */
  async accessToken(): Promise<string | null> {
    const user = this.current;
    if (!user) return null;
    if (user.expired) {
      try {
        const renewed = await this.manager.signinSilent();
        return renewed?.access_token ?? null;
      } catch {
        this.accept(null);
        return null;
      }
    }
    return user.access_token;
  }

  /** Called after every token renewal (not after the first sign-in). */
  onRenewed(listener: () => void): () => void {
    this.renewedListeners.add(listener);
    return () => this.renewedListeners.delete(listener);
  }

  /** Sends the browser to Keycloak's sign-in page; it comes back to `returnTo`. */
  async signIn(returnTo: string): Promise<void> {
    await this.manager.signinRedirect({ state: { returnTo } });
  }

  /** Completes the sign-in on the callback page; answers where to go next. */
  async completeSignIn(url: string = window.location.href): Promise<string> {
    const user = await this.manager.signinCallback(url);
    if (user) this.accept(user);
    const state = (user?.state ?? {}) as { returnTo?: unknown };
    return typeof state.returnTo === 'string' && state.returnTo.startsWith('/') && !state.returnTo.startsWith('//')
      ? state.returnTo
      : '/';
  }

  /** Ends the session here and at Keycloak. */
  async signOut(): Promise<void> {
    const idToken = this.current?.id_token;
    await this.manager.removeUser();
    this.accept(null);
    await this.manager.signoutRedirect({ id_token_hint: idToken });
  }

  private accept(user: User | null): void {
    this.current = user;
    this.user.value = user ? toSignedInUser(user) : null;
  }
}

export function toSignedInUser(user: Pick<User, 'profile'>): SignedInUser {
  const profile = user.profile;
  return {
    subject: profile.sub,
    name: profile.name ?? profile.preferred_username ?? profile.email ?? '',
    email: profile.email,
  };
}
