import type { Page } from '@playwright/test';

/**
 * In-page observers that timestamp what the browser shows (MutationObserver, `performance.timeOrigin +
 * performance.now()`: ms since the epoch on this machine's clock), for measurements against server-side times.
 */

/** Records every value an attribute of the elements matching `selector` takes, with when it was rendered. */
export async function recordAttributeChanges(page: Page, name: string, selector: string, attribute: string): Promise<void> {
  await page.evaluate(({ name: key, selector: css, attribute: attr }) => {
    const seen: { value: string; at: number }[] = [];
    const store = ((window as unknown as { __observed?: Record<string, unknown> }).__observed ??= {});
    store[key] = seen;
    const check = () => {
      const at = performance.timeOrigin + performance.now();
      for (const element of document.querySelectorAll(css)) {
        const value = element.getAttribute(attr);
        if (value !== null && seen[seen.length - 1]?.value !== value) seen.push({ value, at });
      }
    };
    check();
    new MutationObserver(check).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: [attr] });
  }, { name, selector, attribute });
}

/** What {@link recordAttributeChanges} saw so far. */
export async function observed(page: Page, name: string): Promise<{ value: string; at: number }[]> {
  return page.evaluate((key) => {
    const store = (window as unknown as { __observed?: Record<string, { value: string; at: number }[]> }).__observed;
    return store?.[key] ?? [];
  }, name);
}

/** Marks the current document; {@link stillSameDocument} is false after any reload or full navigation. */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => { (window as unknown as { __notReloaded?: boolean }).__notReloaded = true; });
}

export async function stillSameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded === true);
}

/** aria-valuenow of a progress bar, as a number. */
export async function progressValue(page: Page, name: string | RegExp): Promise<number> {
  return Number(await page.getByRole('progressbar', { name }).getAttribute('aria-valuenow'));
}
