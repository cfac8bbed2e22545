/**
 * The graph as a test script sees it (not the browser): seed users' tokens by the development password grant
 * (client cycube-dev) and GraphQL calls through the router — to set up what a spec needs but does not test, and to
 * read the server's side of a measurement.
 */
export const PASSWORD = 'cycube-dev';

const tokens = new Map<string, { token: string; until: number }>();

export function routerUrl(): string {
  return required('CYCUBE_ROUTER_URL');
}

export function issuer(): string {
  return required('CYCUBE_ISSUER');
}

export function consoleUrl(): string {
  return required('CYCUBE_CONSOLE_URL');
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the browser tests' global setup sets it (e2e/support/global-setup.ts)`);
  return value;
}

/** A seed user's access token (cached while it is valid for another minute). */
export async function token(email: string): Promise<string> {
  const cached = tokens.get(email);
  if (cached && cached.until > Date.now()) return cached.token;
  const response = await fetch(`${issuer()}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'cycube-dev', username: email, password: PASSWORD }),
  });
  const body = (await response.json()) as { access_token?: string; expires_in?: number; error_description?: string };
  if (!response.ok || !body.access_token) throw new Error(`no token for ${email}: ${response.status} ${body.error_description ?? ''}`);
  tokens.set(email, { token: body.access_token, until: Date.now() + ((body.expires_in ?? 60) - 60) * 1000 });
  return body.access_token;
}

export interface GraphReply<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** One GraphQL call through the router as `email` (anonymous when null); GraphQL errors are returned, not thrown. */
export async function call<T = Record<string, unknown>>(email: string | null, query: string,
  variables: Record<string, unknown> = {}): Promise<GraphReply<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (email) headers.authorization = `Bearer ${await token(email)}`;
  const response = await fetch(routerUrl(), { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as GraphReply<T>;
}

/** Like {@link call}, but any GraphQL error fails. */
export async function graph<T = Record<string, unknown>>(email: string | null, query: string,
  variables: Record<string, unknown> = {}): Promise<T> {
  const reply = await call<T>(email, query, variables);
  if (reply.errors?.length || !reply.data) {
    throw new Error(`${email ?? 'anonymous'}: ${JSON.stringify(reply.errors ?? reply)}\n${query}`);
  }
  return reply.data;
}

/** Retries `attempt` every 500 ms until it returns a value other than undefined (or the time is up). */
export async function eventually<T>(what: string, attempt: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await attempt();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${what}: not within ${timeoutMs / 1000} s${last ? ` (last error: ${String(last)})` : ''}`);
}

/**
 * Enrolls `email` in a course (idempotent: an existing enrollment is returned), retrying while the course has not
 * reached training yet (training learns courses from the catalog's events shortly after a fresh stack starts).
 */
export async function enroll(email: string, courseId: string): Promise<string> {
  return eventually(`${email} enrolled in ${courseId}`, async () => {
    const reply = await call<{ enroll: { enrollments: { id: string }[] } }>(email,
      'mutation($i: EnrollInput!) { enroll(input: $i) { enrollments { id } } }', { i: { courseId } });
    if (reply.errors?.length) {
      if (reply.errors.every((e) => e.extensions?.code === 'NOT_FOUND')) return undefined;
      throw new Error(JSON.stringify(reply.errors));
    }
    return reply.data?.enroll.enrollments[0]?.id;
  });
}
