import type { Language } from '@xinfang/domain/messages';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(language: Language, withTime: boolean): Intl.DateTimeFormat {
  const key = `${language}:${withTime}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}),
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * A moment as the bureau reads it: Beijing time, whatever the browser's time zone.
 * @example formatDateTime('2026-11-24T16:30:00Z', 'zh') // '2026/11/25 00:30'
 */
export function formatDateTime(iso: string, language: Language): string {
  return formatterFor(language, true).format(new Date(iso));
}

/** The calendar day in Beijing. @example formatDate('2026-11-24T16:30:00Z', 'en') // '25/11/2026' */
export function formatDate(iso: string, language: Language): string {
  return formatterFor(language, false).format(new Date(iso));
}
