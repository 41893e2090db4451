import { IndicatorPeriod } from '@xinfang/domain/indicators/indicator-period';
import { IndicatorScope } from '@xinfang/domain/indicators/indicator-scope';

/**
 * The dashboard's filters as URL query values, so a view can be bookmarked, shared and survives a reload:
 * `period` is `2026` (year), `2026-Q2` (quarter), `2026-03` (month) or `2026-01-01~2026-10-31` (custom range);
 * `scope` is `district`, `street:<unit id>` or `department:<unit id>`.
 */
export function periodToParam(period: IndicatorPeriod): string {
  switch (period.kind) {
    case 'year':
      return String(period.year);
    case 'quarter':
      return `${period.year}-Q${period.quarter}`;
    case 'month':
      return `${period.year}-${String(period.month).padStart(2, '0')}`;
    case 'range':
      return `${period.from}~${period.to}`;
  }
}

/** The period a query value names, or undefined when it names none (a hand-edited URL). */
export function periodFromParam(value: unknown): IndicatorPeriod | undefined {
  if (typeof value !== 'string') return undefined;
  const candidate = (() => {
    let match = /^(\d{4})$/.exec(value);
    if (match) return { kind: 'year', year: Number(match[1]) };
    match = /^(\d{4})-Q([1-4])$/.exec(value);
    if (match) return { kind: 'quarter', year: Number(match[1]), quarter: Number(match[2]) };
    match = /^(\d{4})-(\d{2})$/.exec(value);
    if (match) return { kind: 'month', year: Number(match[1]), month: Number(match[2]) };
    match = /^(\d{4}-\d{2}-\d{2})~(\d{4}-\d{2}-\d{2})$/.exec(value);
    if (match) return { kind: 'range', from: match[1], to: match[2] };
    return undefined;
  })();
  const parsed = IndicatorPeriod.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}

export function scopeToParam(scope: IndicatorScope): string {
  return scope.kind === 'district' ? 'district' : `${scope.kind}:${scope.unitId}`;
}

/** The scope a query value names, or undefined. */
export function scopeFromParam(value: unknown): IndicatorScope | undefined {
  if (typeof value !== 'string') return undefined;
  const [kind, unitId] = value.split(':');
  const parsed = IndicatorScope.safeParse(kind === 'district' ? { kind } : { kind, unitId });
  return parsed.success ? parsed.data : undefined;
}

/** The number with the locale's grouping (5,828). */
export function formatCount(value: number, language: 'zh' | 'en'): string {
  return value.toLocaleString(language === 'en' ? 'en-US' : 'zh-CN');
}

/** A signed change in percent or points: +200.72, −48.89 (a real minus sign), 0.00. */
export function formatSigned(value: number): string {
  if (value === 0) return '0.00';
  return `${value > 0 ? '+' : '−'}${Math.abs(value).toFixed(2)}`;
}

/**
 * Whether a change is good news, bad news or neither, from the definition's `higherIsBetter`.
 * @example changeTone(-48.89, false) // 'good'
 */
export function changeTone(value: number | null, higherIsBetter: boolean | null): 'good' | 'bad' | 'neutral' {
  if (value === null || value === 0 || higherIsBetter === null) return 'neutral';
  return value > 0 === higherIsBetter ? 'good' : 'bad';
}
