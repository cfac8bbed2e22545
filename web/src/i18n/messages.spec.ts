import { describe, expect, it } from 'vitest';
import { initialLocale, MESSAGES } from './index';
import { KNOWN_CODES } from '@/graphql/errors';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    keys(child, prefix ? `${prefix}.${key}` : key),
  );
}

describe('the console speaks English and German', () => {
  it('has every English text in German too, and no German text without an English one', () => {
    expect(keys(MESSAGES.de).sort()).toEqual(keys(MESSAGES.en).sort());
  });

  it('has a message for every error code the graph answers with', () => {
    for (const code of [...KNOWN_CODES, 'UNKNOWN']) {
      expect(MESSAGES.en.errors).toHaveProperty(code);
    }
  });

  it('starts in the language chosen before, else the browser’s, else English', () => {
    expect(initialLocale('de', ['en-US'])).toBe('de');
    expect(initialLocale(null, ['de-AT', 'en'])).toBe('de');
    expect(initialLocale(null, ['fr-FR'])).toBe('en');
  });
});
