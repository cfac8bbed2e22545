import { createI18n } from 'vue-i18n';
import shellEn from './shell.en.json';
import shellDe from './shell.de.json';
import traineeEn from './trainee.en.json';
import traineeDe from './trainee.de.json';
import managerEn from './manager.en.json';
import managerDe from './manager.de.json';

/**
 * Every text of the console, per language: the shell's (navigation, errors), the trainee screens' and the manager
 * screens' — separate files so each area is edited on its own. English is complete by definition; a test checks
 * that every other language has exactly the same keys.
 */
export const MESSAGES = {
  en: { ...shellEn, ...traineeEn, ...managerEn },
  de: { ...shellDe, ...traineeDe, ...managerDe },
};

export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];
export type Messages = (typeof MESSAGES)['en'];

const STORAGE_KEY = 'cycube.locale';

/** The language to start in: the one chosen before in this browser, else the browser's, else English. */
export function initialLocale(
  stored: string | null = safeStorage()?.getItem(STORAGE_KEY) ?? null,
  preferred: readonly string[] = navigator.languages ?? [navigator.language],
): Locale {
  const candidates = [stored, ...preferred].filter((value): value is string => !!value);
  for (const candidate of candidates) {
    const language = candidate.toLowerCase().split('-')[0];
    if ((LOCALES as readonly string[]).includes(language)) return language as Locale;
  }
  return 'en';
}

export function rememberLocale(locale: Locale): void {
  safeStorage()?.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function createConsoleI18n(locale: Locale = initialLocale()) {
  document.documentElement.lang = locale;
  return createI18n<[Messages], Locale>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: MESSAGES,
    datetimeFormats: {
      en: { short: { dateStyle: 'medium' }, long: { dateStyle: 'medium', timeStyle: 'short' } },
      de: { short: { dateStyle: 'medium' }, long: { dateStyle: 'medium', timeStyle: 'short' } },
    },
  });
}
