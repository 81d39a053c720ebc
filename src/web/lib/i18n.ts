import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { en } from '../i18n/en';
import { vi } from '../i18n/vi';
import type { ApiError } from './api';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'hoinghi.lang';

function storedLanguage(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'vi';
}

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
});
applyLanguage(i18n.language as Language);

function applyLanguage(lang: Language) {
  document.documentElement.lang = lang;
}

export function setLanguage(lang: Language) {
  localStorage.setItem(STORAGE_KEY, lang);
  applyLanguage(lang);
  void i18n.changeLanguage(lang);
}

/** The server writes precise Vietnamese messages; in English the stable code picks a translated one. */
export function useErrorMessage() {
  const { t, i18n: instance } = useTranslation();
  return (error: unknown): string => {
    const apiError = error as ApiError;
    if (!apiError?.code) return String((error as Error)?.message ?? error);
    return instance.language === 'vi'
      ? apiError.message
      : t(`errors.${apiError.code}`, { defaultValue: apiError.message });
  };
}

export { i18n };
