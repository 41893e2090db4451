import type { Language } from '@xinfang/domain/messages';
import { computed } from 'vue';
import { createI18n } from 'vue-i18n';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

const storedLocale = typeof localStorage === 'undefined' ? null : localStorage.getItem('xinfang.kiosk.locale');

export const i18n = createI18n({
  legacy: false,
  locale: storedLocale === 'en' ? 'en' : 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
});

/** The domain's language key for the current UI locale. */
export const currentLanguage = computed<Language>(() => (i18n.global.locale.value === 'en' ? 'en' : 'zh'));

export function toggleLocale(): void {
  const next = i18n.global.locale.value === 'en' ? 'zh-CN' : 'en';
  i18n.global.locale.value = next;
  localStorage.setItem('xinfang.kiosk.locale', next);
  document.documentElement.lang = next;
}
