import type { Language } from '@xinfang/domain/messages';
import { computed } from 'vue';
import { createI18n } from 'vue-i18n';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

const storedLocale = typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem('xinfang.kiosk.locale');

export const i18n = createI18n({
  legacy: false,
  locale: storedLocale === 'en' ? 'en' : 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
});

/** The domain's language key for the current UI locale. */
export const currentLanguage = computed<Language>(() => (i18n.global.locale.value === 'en' ? 'en' : 'zh'));

/** Sets the UI language; kept for this visitor only (the next visitor starts in Chinese). */
export function setLocale(next: 'zh-CN' | 'en'): void {
  i18n.global.locale.value = next;
  try {
    if (next === 'en') sessionStorage.setItem('xinfang.kiosk.locale', next);
    else sessionStorage.removeItem('xinfang.kiosk.locale');
  } catch {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = next;
}

export function toggleLocale(): void {
  setLocale(i18n.global.locale.value === 'en' ? 'zh-CN' : 'en');
}

/** Picks the current language's side of a bilingual text. */
export function bilingual(text: { zh: string; en: string }): string {
  return currentLanguage.value === 'en' ? text.en : text.zh;
}
