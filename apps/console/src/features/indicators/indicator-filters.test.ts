import { describe, expect, it } from 'vitest';
import { changeTone, formatCount, formatSigned, periodFromParam, periodToParam, scopeFromParam, scopeToParam } from './indicator-filters.ts';

describe('dashboard filters in the URL', () => {
  it.each([
    ['2026', { kind: 'year', year: 2026 }],
    ['2026-Q2', { kind: 'quarter', year: 2026, quarter: 2 }],
    ['2026-03', { kind: 'month', year: 2026, month: 3 }],
    ['2026-01-01~2026-10-31', { kind: 'range', from: '2026-01-01', to: '2026-10-31' }],
  ] as const)('%s ⇄ %j', (param, period) => {
    expect(periodFromParam(param)).toEqual(period);
    expect(periodToParam(period)).toBe(param);
  });

  it.each([['2026-13'], ['2026-Q5'], ['2026-10-31~2026-01-01'], ['abc'], [undefined], [['2026']]])('ignores %j', (param) => {
    expect(periodFromParam(param)).toBeUndefined();
  });

  it('round-trips scopes and ignores broken ones', () => {
    const unitId = '0190b2c4-7a6e-7f00-8000-000000000001';
    expect(scopeFromParam(scopeToParam({ kind: 'street', unitId }))).toEqual({ kind: 'street', unitId });
    expect(scopeFromParam('district')).toEqual({ kind: 'district' });
    expect(scopeFromParam('street:nope')).toBeUndefined();
    expect(scopeFromParam('city')).toBeUndefined();
  });

  it('formats counts and changes', () => {
    expect(formatCount(5828, 'zh')).toBe('5,828');
    expect(formatSigned(200.72)).toBe('+200.72');
    expect(formatSigned(-48.89)).toBe('−48.89');
    expect(changeTone(-48.89, false)).toBe('good');
    expect(changeTone(3, false)).toBe('bad');
    expect(changeTone(3, null)).toBe('neutral');
  });
});
