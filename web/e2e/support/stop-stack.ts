/**
 * Stops the launcher started by global setup and everything it started: SIGTERM to its process group (the launcher's
 * shutdown hook stops the router, the subgraphs, Keycloak and the store in reverse order), then SIGKILL to whatever
 * is left after a grace period.
 */
export function stopStack(pid: number, options: { wait: false }): void;
export function stopStack(pid: number, options: { wait: true }): Promise<void>;
export function stopStack(pid: number, { wait }: { wait: boolean }): void | Promise<void> {
  signal(pid, 'SIGTERM');
  if (!wait) return;
  return (async () => {
    const deadline = Date.now() + 60_000;
    while (groupAlive(pid) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    if (groupAlive(pid)) signal(pid, 'SIGKILL');
  })();
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(-pid, name);
  } catch {
    // the group is gone already
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}
