import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

/** web/ */
export const WEB_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
/** The repository root (the launcher runs from there). */
export const REPOSITORY_ROOT = resolve(WEB_ROOT, '..');
/** Everything the browser tests write: screenshots, metrics, the stack's addresses and log, Playwright's output. */
export const TARGET = resolve(WEB_ROOT, 'target');
export const SCREENSHOTS = resolve(TARGET, 'screenshots');
export const METRICS_FILE = resolve(TARGET, 'browser-metrics.json');
export const STACK_FOLDER = resolve(TARGET, 'e2e-stack');
export const ADDRESSES_FILE = resolve(STACK_FOLDER, 'addresses.json');
export const LAUNCHER_LOG = resolve(STACK_FOLDER, 'launcher.log');
export const LAUNCHER_JAR = resolve(REPOSITORY_ROOT, 'dev/local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar');
export const CONSOLE_BUILD = resolve(WEB_ROOT, 'dist/index.html');
