import type { Page } from '@playwright/test';
import { expect, recordMetrics, signIn, test } from './support/fixtures';
import { enroll } from './support/graph';
import { PHISHING } from './support/journeys';

/**
 * Installed in every document before the console's scripts: long tasks (PerformanceObserver, > 50 ms) and the
 * moment the enrollment list appears (MutationObserver), both in the document's own time (ms since navigation start).
 */
function instrumentDashboard(): void {
  const probe = { longTasks: [] as { start: number; end: number }[], listAt: null as number | null };
  (window as unknown as { __dashboardProbe: typeof probe }).__dashboardProbe = probe;
  try {
    new PerformanceObserver((entries) => {
      for (const entry of entries.getEntries()) probe.longTasks.push({ start: entry.startTime, end: entry.startTime + entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long task timing in this browser: TTI is then the list's appearance
  }
  new MutationObserver(() => {
    if (probe.listAt === null && document.querySelector('[data-testid="enrollments"] li')) probe.listAt = performance.now();
  }).observe(document, { childList: true, subtree: true });
}

interface Interactive {
  /** navigation start → list rendered and main thread idle (ms) */
  timeToInteractive: number;
  /** navigation start → list rendered (ms) */
  listRendered: number;
  longTasks: number;
  longestTask: number;
  /** when the list was rendered, in ms since the epoch (this machine's clock) */
  listRenderedAtEpoch: number;
}

const QUIET_WINDOW_MS = 500;

/** Waits until the list is shown and no long task ran for the quiet window; answers the document's timings. */
async function interactive(page: Page): Promise<Interactive> {
  await expect(page.getByTestId('enrollments')).toBeVisible();
  const handle = await page.waitForFunction((quiet) => {
    const probe = (window as unknown as { __dashboardProbe?: { longTasks: { start: number; end: number }[]; listAt: number | null } }).__dashboardProbe;
    if (!probe || probe.listAt === null) return null;
    const lastTaskEnd = probe.longTasks.reduce((latest, task) => Math.max(latest, task.end), 0);
    const now = performance.now();
    if (now - Math.max(lastTaskEnd, probe.listAt) < quiet) return null;
    return {
      timeToInteractive: Math.max(probe.listAt, lastTaskEnd),
      listRendered: probe.listAt,
      longTasks: probe.longTasks.length,
      longestTask: probe.longTasks.reduce((longest, task) => Math.max(longest, task.end - task.start), 0),
      listRenderedAtEpoch: performance.timeOrigin + probe.listAt,
    };
  }, QUIET_WINDOW_MS, { polling: 100, timeout: 30_000 });
  return (await handle.jsonValue()) as Interactive;
}

function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: Math.round(sorted[0]), median: Math.round(sorted[Math.floor(sorted.length / 2)]), max: Math.round(sorted[sorted.length - 1]) };
}

test.describe('The trainee dashboard', () => {
  test('is interactive soon after a signed-in trainee opens the console', async ({ page }) => {
    await enroll('trainee@acme.test', PHISHING.id); // something in the list to render
    await page.addInitScript(instrumentDashboard);
    await signIn(page, 'trainee@acme.test');
    await interactive(page); // the first, right after typing the password (assets now cached, like any return visit)

    const runs: (Interactive & { reopen: number })[] = [];
    for (let run = 0; run < 5; run++) {
      // a new document: tokens live in memory only, so the console signs in again through Keycloak's session
      const opened = Date.now();
      await page.goto('/');
      const timings = await interactive(page);
      runs.push({ ...timings, reopen: timings.listRenderedAtEpoch - opened });
    }

    const tti = summary(runs.map((run) => run.timeToInteractive));
    recordMetrics('dashboard', {
      definition: 'navigation start of the document showing the dashboard → enrollment list rendered and no long task '
        + `(>50 ms) for ${QUIET_WINDOW_MS} ms after; the document is the sign-in callback that a console opened with a `
        + 'Keycloak session lands on (token exchange, then "/"); 5 runs, warm HTTP cache',
      timeToInteractiveMs: tti,
      listRenderedMs: summary(runs.map((run) => run.listRendered)),
      longTasksPerLoad: summary(runs.map((run) => run.longTasks)),
      longestTaskMs: summary(runs.map((run) => run.longestTask)),
      reopenWithSingleSignOnMs: {
        ...summary(runs.map((run) => run.reopen)),
        definition: 'page.goto("/") → the list rendered, wall clock: console start, redirect to Keycloak and back, token exchange, dashboard query',
      },
      runs,
    });
    expect(tti.median, 'median time to interactive (ms)').toBeLessThan(5_000);
  });
});
