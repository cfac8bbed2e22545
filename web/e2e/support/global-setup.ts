import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import {
  ADDRESSES_FILE, CONSOLE_BUILD, LAUNCHER_JAR, LAUNCHER_LOG, METRICS_FILE, REPOSITORY_ROOT, STACK_FOLDER,
} from './paths';
import { enroll } from './graph';
import { LINUX, PHISHING } from './journeys';
import { stopStack } from './stop-stack';

/** How long the stack may take (Keycloak's first start on a machine builds itself: a few minutes on 2 cores). */
const START_TIMEOUT_MS = 6 * 60_000;

/**
 * The stack the browser tests run against. With CYCUBE_CONSOLE_URL set: that running stack (its router and issuer
 * read from the console's /config.json unless CYCUBE_ROUTER_URL / CYCUBE_ISSUER say otherwise). Otherwise a stack of
 * its own, started from the repository root by the launcher on random ports with an empty in-memory store and no
 * demo learning (the specs start from fresh seed users), stopped by global teardown.
 */
export default async function globalSetup(): Promise<void> {
  rmSync(METRICS_FILE, { force: true });
  if (process.env.CYCUBE_CONSOLE_URL) {
    await useRunningStack(process.env.CYCUBE_CONSOLE_URL.replace(/\/+$/, ''));
  } else {
    await startOwnStack();
  }
  await untilTrainingKnowsTheCourses();
}

/**
 * A fresh stack is ready before its subgraphs have learned each other's facts: training learns the demo courses from
 * the catalog's events a few seconds later. Enrolling someone the specs do not follow (Globex's manager) until it works
 * keeps that start-up detail out of the specs.
 */
async function untilTrainingKnowsTheCourses(): Promise<void> {
  for (const course of [LINUX.id, PHISHING.id]) await enroll('manager@globex.test', course);
}

async function useRunningStack(consoleUrl: string): Promise<void> {
  const response = await fetch(`${consoleUrl}/config.json`).catch((error: unknown) => {
    throw new Error(`CYCUBE_CONSOLE_URL=${consoleUrl} does not answer (${String(error)}); is the stack up?`);
  });
  if (!response.ok) throw new Error(`${consoleUrl}/config.json answered ${response.status}`);
  const config = (await response.json()) as { graphqlUrl: string; oidcAuthority: string };
  process.env.CYCUBE_CONSOLE_URL = consoleUrl;
  process.env.CYCUBE_ROUTER_URL ??= config.graphqlUrl;
  process.env.CYCUBE_ISSUER ??= config.oidcAuthority;
  console.log(`[e2e] using the running stack: console ${consoleUrl}, router ${process.env.CYCUBE_ROUTER_URL}`);
}

async function startOwnStack(): Promise<void> {
  if (!existsSync(LAUNCHER_JAR)) {
    throw new Error(`${LAUNCHER_JAR} is missing: build the stack first (./mvnw -B install -DskipTests at the repository root)`);
  }
  if (!existsSync(CONSOLE_BUILD)) {
    throw new Error(`${CONSOLE_BUILD} is missing: build the console first (npm run build in web/)`);
  }
  mkdirSync(STACK_FOLDER, { recursive: true });
  rmSync(ADDRESSES_FILE, { force: true });
  const log = openSync(LAUNCHER_LOG, 'w');
  const java = process.env.JAVA_HOME ? `${process.env.JAVA_HOME}/bin/java` : 'java';
  const args = ['-jar', LAUNCHER_JAR, 'up', '--in-memory', '--random-ports', '--no-demo', `--addresses-file=${ADDRESSES_FILE}`];
  // its own process group: teardown stops the launcher and every process it started with one signal
  const launcher = spawn(java, args, { cwd: REPOSITORY_ROOT, detached: true, stdio: ['ignore', log, log] });
  closeSync(log);
  const pid = launcher.pid;
  if (pid === undefined) throw new Error(`could not start ${java} ${args.join(' ')}`);
  process.env.CYCUBE_E2E_STACK_PID = String(pid);
  // should the test run end without its teardown (an exception, Ctrl-C), nothing is left behind
  process.once('exit', () => {
    if (process.env.CYCUBE_E2E_STACK_PID) stopStack(pid, { wait: false });
  });
  let exited: number | null = null;
  launcher.once('exit', (code) => { exited = code ?? -1; });
  console.log(`[e2e] starting a stack (launcher pid ${pid}, log ${LAUNCHER_LOG}) ...`);

  const started = Date.now();
  while (!existsSync(ADDRESSES_FILE)) {
    if (exited !== null) {
      throw new Error(`the stack's launcher exited with code ${exited} before it was ready:\n${tail(LAUNCHER_LOG)}`);
    }
    if (Date.now() - started > START_TIMEOUT_MS) {
      await stopStack(pid, { wait: true });
      throw new Error(`the stack was not ready within ${START_TIMEOUT_MS / 60_000} minutes:\n${tail(LAUNCHER_LOG)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const addresses = JSON.parse(readFileSync(ADDRESSES_FILE, 'utf8')) as {
    consoleUrl: string | null; routerUrl: string; issuer: string; mailboxUrl: string; logDirectory: string;
  };
  if (!addresses.consoleUrl) {
    await stopStack(pid, { wait: true });
    throw new Error(`the stack does not serve the web console:\n${tail(LAUNCHER_LOG)}`);
  }
  process.env.CYCUBE_CONSOLE_URL = addresses.consoleUrl;
  process.env.CYCUBE_ROUTER_URL = addresses.routerUrl;
  process.env.CYCUBE_ISSUER = addresses.issuer;
  console.log(`[e2e] stack ready in ${((Date.now() - started) / 1000).toFixed(1)} s: console ${addresses.consoleUrl}, `
    + `router ${addresses.routerUrl}, logs ${addresses.logDirectory}`);
}

function tail(file: string, lines = 60): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
