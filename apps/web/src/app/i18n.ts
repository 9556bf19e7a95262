import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Labels, Locale } from '@canbo/shared';
import en from '../locales/en.json';
import vi from '../locales/vi.json';

const STORAGE_KEY = 'canbo.locale';

export function storedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: storedLocale(),
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
});

export function setLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // private mode: the choice lasts for this page only
  }
  void i18n.changeLanguage(locale);
  document.documentElement.lang = locale;
}

/** The current locale and a labeller for shared enum labels. */
export function useLocale() {
  const { t, i18n: instance } = useTranslation();
  const locale: Locale = instance.language === 'en' ? 'en' : 'vi';
  const label = <E extends string>(labels: Labels<E>, value: E | null | undefined) =>
    value ? (labels[value]?.[locale] ?? value) : '';
  return { t, locale, label };
}

export default i18n;
