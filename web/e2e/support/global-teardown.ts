import { existsSync, readFileSync } from 'node:fs';
import { METRICS_FILE } from './paths';
import { stopStack } from './stop-stack';

/** Stops the stack global setup started (none when the tests used a running one), and prints what was measured. */
export default async function globalTeardown(): Promise<void> {
  printMetrics();
  const pid = Number(process.env.CYCUBE_E2E_STACK_PID);
  if (!pid) return;
  console.log(`[e2e] stopping the stack (process group ${pid})`);
  await stopStack(pid, { wait: true });
  delete process.env.CYCUBE_E2E_STACK_PID;
}

function printMetrics(): void {
  if (!existsSync(METRICS_FILE)) return;
  const metrics = JSON.parse(readFileSync(METRICS_FILE, 'utf8')) as Record<string, Record<string, unknown>>;
  const lines = [`[e2e] measured in the browser (${METRICS_FILE}):`];
  const dashboard = metrics.dashboard as { timeToInteractiveMs?: Record<string, number>; reopenWithSingleSignOnMs?: Record<string, number> } | undefined;
  if (dashboard?.timeToInteractiveMs) {
    const { min, median, max } = dashboard.timeToInteractiveMs;
    lines.push(`  trainee dashboard, time to interactive: median ${median} ms (min ${min}, max ${max})`);
  }
  if (dashboard?.reopenWithSingleSignOnMs) {
    const { min, median, max } = dashboard.reopenWithSingleSignOnMs;
    lines.push(`  console opened with a Keycloak session → dashboard shown: median ${median} ms (min ${min}, max ${max})`);
  }
  const lab = metrics.labStateToBrowser as { states?: { state: string; delayMs: number | null }[] } | undefined;
  for (const state of lab?.states ?? []) {
    lines.push(`  lab state ${state.state} in the labs subgraph → shown in the browser: ${state.delayMs} ms`);
  }
  const progress = metrics.progressToManager as { delayMs?: number | null } | undefined;
  if (progress) lines.push(`  trainee completes a cube → manager's team screen moves: ${progress.delayMs} ms`);
  console.log(lines.join('\n'));
}
