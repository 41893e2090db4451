import { describe, expect, it } from 'vitest';
import { computeRate, isInPeriod, roundTo2, yearOnYearChange } from './indicator-definition.ts';
import {
  diversionSuccessRate,
  nailCaseResolutionRate,
  onlineShare,
  onTimeConclusionRate,
  satisfactionRate,
  screeningSettlementRate,
} from './rates.ts';
import { collectiveVisits, repeatVisitRate, type VisitForIndicators } from './visit-indicators.ts';

const year2025 = { from: '2025-01-01', to: '2025-12-31' };
const year2024 = { from: '2024-01-01', to: '2024-12-31' };
const times = <T>(count: number, make: (index: number) => T): T[] => Array.from({ length: count }, (_, index) => make(index));

describe('indicators reproduce the Futian report from raw records', () => {
  it('diversion success rate 7,271 / 7,891 = 92.14%', () => {
    const records = [
      ...times(7271, () => ({ triagedOn: '2025-05-01', litigationRelated: true, diversionOutcome: 'accepted' as const })),
      ...times(620, () => ({ triagedOn: '2025-05-01', litigationRelated: true, diversionOutcome: 'refused' as const })),
      ...times(5369, () => ({ triagedOn: '2025-05-01', litigationRelated: false })),
      { triagedOn: '2024-12-31', litigationRelated: true, diversionOutcome: 'accepted' as const },
    ];
    expect(diversionSuccessRate(records, year2025)).toEqual({ indicatorId: 'diversionSuccessRate', version: 1, numerator: 7271, denominator: 7891, percent: 92.14, display: '92.14%' });
  });

  it('online share 5,828 = 90.37%, kiosk-assisted included, and growth +200.72%', () => {
    const matters = [
      ...times(5000, () => ({ receivedOn: '2025-03-01', channel: 'online' as const, kioskAssisted: false })),
      ...times(828, () => ({ receivedOn: '2025-03-01', channel: 'online' as const, kioskAssisted: true })),
      ...times(621, (index) => ({ receivedOn: '2025-03-01', channel: index % 2 ? ('visit' as const) : ('letter' as const), kioskAssisted: false })),
      ...times(1938, () => ({ receivedOn: '2024-03-01', channel: 'online' as const, kioskAssisted: false })),
    ];
    const share = onlineShare(matters, year2025);
    expect(share).toMatchObject({ numerator: 5828, denominator: 6449, display: '90.37%' });
    expect(yearOnYearChange(share.numerator, onlineShare(matters, year2024).numerator)).toBe(200.72);
  });

  it('screening settlement 296 / 380 = 77.89%', () => {
    const disputes = times(380, (index) => ({ foundOn: '2025-06-01', settledAtFirstHandling: index < 296 }));
    expect(screeningSettlementRate(disputes, year2025).display).toBe('77.89%');
  });

  it('nail-case resolution 129 resolved = 59.72%', () => {
    const cases = [
      ...times(216, (index) => ({ listedOn: '2025-02-01', kind: 'nail' as const, resolvedOn: index < 129 ? '2025-09-01' : undefined })),
      ...times(10, () => ({ listedOn: '2025-02-01', kind: 'bone' as const, resolvedOn: '2025-09-01' })),
    ];
    expect(nailCaseResolutionRate(cases, year2025)).toMatchObject({ numerator: 129, denominator: 216, display: '59.72%' });
  });

  it('thorn cases concluded on time: 325, 100%', () => {
    const concluded = times(325, (index) => ({ concludedOn: '2025-04-01', dueOn: index % 2 ? '2025-04-01' : '2025-04-30' }));
    expect(onTimeConclusionRate(concluded, year2025).display).toBe('100.00%');
    expect(onTimeConclusionRate([{ concludedOn: '2025-05-02', dueOn: '2025-05-01' }]).percent).toBe(0);
  });

  it('satisfaction 95%', () => {
    const evaluations = [
      ...times(80, () => ({ evaluatedOn: '2025-07-01', rating: 'satisfied' as const })),
      ...times(15, () => ({ evaluatedOn: '2025-07-01', rating: 'basicallySatisfied' as const })),
      ...times(5, () => ({ evaluatedOn: '2025-07-01', rating: 'dissatisfied' as const })),
    ];
    expect(satisfactionRate(evaluations, year2025).display).toBe('95.00%');
  });

  const visits: VisitForIndicators[] = [
    ...times(202, () => ({ arrivedOn: '2025-08-01', personCount: 2, repeat: true })),
    ...times(419, () => ({ arrivedOn: '2025-08-01', personCount: 1, repeat: false })),
  ];

  it('repeat-visit rate 202 batches = 32.53%, with the person-time variant', () => {
    const rate = repeatVisitRate(visits, year2025);
    expect(rate.batches).toMatchObject({ numerator: 202, denominator: 621, display: '32.53%' });
    expect(rate.persons).toMatchObject({ numerator: 404, denominator: 823, display: '49.09%' });
  });

  it('collective visits 254 batches, 1,983 persons; −48.89% / −83.57% on last year', () => {
    const collective: VisitForIndicators[] = [
      ...times(253, () => ({ arrivedOn: '2025-09-01', personCount: 7, repeat: false })),
      { arrivedOn: '2025-09-01', personCount: 212, repeat: false },
      ...times(496, () => ({ arrivedOn: '2024-09-01', personCount: 24, repeat: false })),
      { arrivedOn: '2024-09-01', personCount: 166, repeat: false },
      ...visits,
    ];
    expect(collectiveVisits(collective, year2025, year2024)).toEqual({ batches: 254, persons: 1983, batchesChange: -48.89, personsChange: -83.57 });
  });
});

describe('rounding and edge cases', () => {
  it.each([
    [92.14294, 92.14],
    [92.145, 92.15],
    [1.005, 1.01],
    [-48.893, -48.89],
    [0, 0],
  ])('roundTo2(%d) = %d', (value, expected) => {
    expect(roundTo2(value)).toBe(expected);
  });

  it('has no rate without a denominator', () => {
    expect(computeRate({ id: 'x', version: 1 }, 0, 0)).toMatchObject({ percent: null, display: '—' });
    expect(yearOnYearChange(5, 0)).toBeNull();
    expect(isInPeriod('2025-01-01', undefined)).toBe(true);
  });
});
