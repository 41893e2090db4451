import { describe, expect, it } from 'vitest';
import { changeOf, figureOf, valueOf } from './indicator-figure.ts';
import { IndicatorPeriod, monthsOf, resolvePeriod, samePeriodLastYear } from './indicator-period.ts';
import { findIndicator, indicatorRegistry, indicators, isRecordedIndicator, type IndicatorId } from './indicator-registry.ts';
import { viewOfDefinition } from './indicator-queries.ts';
import { defaultScopeFor, isScopeUnitOfKind, isScopeWithinReach } from './indicator-scope.ts';
import { RecordedCount, zeroCounts } from './recorded-counts.ts';

describe('the registry holds every DOMAIN.md §7 indicator', () => {
  const section7: Record<string, IndicatorId[]> = {
    'diversion success rate': ['diversionSuccessRate'],
    'legal studio volume': ['legalStudioMatters', 'legalStudioPersons', 'enteredPetitionProcedure'],
    'online share': ['onlineShare'],
    satisfaction: ['satisfactionRate'],
    'screening settlement': ['screeningSettlementRate'],
    'nail-case resolution': ['nailCaseResolutionRate'],
    'on-time conclusion': ['onTimeConclusionRate'],
    'repeat-visit rate': ['repeatVisitRate', 'repeatVisitPersonRate'],
    'collective visits': ['collectiveVisitBatches', 'collectiveVisitPersons'],
    'psych studio': ['psychVisitorsReceived', 'psychVisitorsCalmed', 'psychPreVisitCounselling', 'psychJoinedMediation', 'psychDiverted', 'staffIndividualCounselling', 'staffGroupCounselling'],
    'leader receptions': ['leaderReceptionSessions', 'leaderReceptionMattersResolved'],
    incidents: ['hallIncidents'],
  };

  it('has one definition per figure, no more, each id once', () => {
    const ids = indicatorRegistry.map((definition) => definition.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(Object.values(section7).flat().sort());
  });

  it.each([
    ['psychVisitorsReceived'],
    ['psychVisitorsCalmed'],
    ['psychPreVisitCounselling'],
    ['psychJoinedMediation'],
    ['psychDiverted'],
    ['staffIndividualCounselling'],
    ['staffGroupCounselling'],
    ['screeningSettlementRate'],
    ['nailCaseResolutionRate'],
    ['leaderReceptionSessions'],
    ['leaderReceptionMattersResolved'],
    ['hallIncidents'],
  ] as const)('%s is declared but not recorded yet: no drill-down, a figure without values', (id) => {
    const definition = findIndicator(id);
    expect(definition.source).toBe('notRecordedYet');
    expect(definition.drillDown).toBeNull();
    expect(figureOf(definition, zeroCounts())).toMatchObject({ status: 'notRecordedYet', current: null, previous: null, change: null });
  });

  it.each(indicators.map((definition) => [definition.id, definition] as const))('%s is well formed', (_id, definition) => {
    expect(definition.version).toBeGreaterThanOrEqual(1);
    expect(definition.name.zh && definition.name.en && definition.definition.zh && definition.definition.en).toBeTruthy();
    expect(definition.denominator === null).toBe(definition.kind === 'count');
    const inputs = Object.keys(definition.inputs);
    expect(inputs.length).toBeGreaterThan(0);
    const zeros = Object.fromEntries(inputs.map((name) => [name, 0]));
    expect(definition.compute(zeros).denominator === null).toBe(definition.kind === 'count');
    if (isRecordedIndicator(definition)) {
      for (const name of inputs) expect(RecordedCount.options).toContain(name);
      expect(inputs).toContain(definition.drillDown.numerator);
      if (definition.kind === 'rate') expect(inputs).toContain(definition.drillDown.denominator);
    }
    expect(viewOfDefinition(definition).inputs.map((input) => input.name)).toEqual(inputs);
  });

  it('marks the staff-counselling figures as health data with cells under 5 suppressed', () => {
    expect(indicators.filter((definition) => definition.suppressCellsBelow !== undefined).map((definition) => [definition.id, definition.suppressCellsBelow])).toEqual([
      ['staffIndividualCounselling', 5],
      ['staffGroupCounselling', 5],
    ]);
  });

  it('on-time conclusion is version 2 (the clock engine’s due date); the others are version 1', () => {
    expect(indicators.filter((definition) => definition.version !== 1).map((definition) => [definition.id, definition.version])).toEqual([['onTimeConclusionRate', 2]]);
  });
});

describe('each definition reproduces the Futian report’s worked example from its counts', () => {
  it.each(indicators.filter((definition) => definition.reportExample).map((definition) => [definition.id, definition.reportExample!.figure, definition] as const))(
    '%s → %s',
    (_id, figure, definition) => {
      expect(valueOf(definition.compute(definition.reportExample!.inputs)).display).toBe(figure);
    },
  );
});

describe('compute functions by tables of cases', () => {
  const counts = (fields: Partial<Record<RecordedCount, number>>) => ({ ...zeroCounts(), ...fields });
  it.each([
    ['onlineShare', { registered: 6449, registeredOnline: 5828 }, 5828, 6449, 90.37, '90.37%'],
    ['onlineShare', { registered: 0, registeredOnline: 0 }, 0, 0, null, '—'],
    ['onlineShare', { registered: 3, registeredOnline: 3, channelLetter: 9 }, 3, 3, 100, '100.00%'],
    ['satisfactionRate', { evaluated: 100, evaluatedSatisfied: 95 }, 95, 100, 95, '95.00%'],
    ['satisfactionRate', { evaluated: 3, evaluatedSatisfied: 2 }, 2, 3, 66.67, '66.67%'],
    ['onTimeConclusionRate', { concluded: 325, concludedOnTime: 325 }, 325, 325, 100, '100.00%'],
    ['onTimeConclusionRate', { concluded: 8, concludedOnTime: 1 }, 1, 8, 12.5, '12.50%'],
    ['diversionSuccessRate', { litigationTriaged: 7891, litigationAccepted: 7271, triaged: 13260 }, 7271, 7891, 92.14, '92.14%'],
    ['diversionSuccessRate', { litigationTriaged: 2000, litigationAccepted: 1843 }, 1843, 2000, 92.15, '92.15%'],
    ['repeatVisitRate', { visits: 621, repeatVisits: 202, visitPersons: 999 }, 202, 621, 32.53, '32.53%'],
    ['repeatVisitPersonRate', { visitPersons: 823, repeatVisitPersons: 404 }, 404, 823, 49.09, '49.09%'],
    ['collectiveVisitBatches', { collectiveVisits: 254 }, 254, null, null, '254'],
    ['collectiveVisitPersons', { collectiveVisitPersons: 1983 }, 1983, null, null, '1983'],
    ['legalStudioMatters', { triaged: 13260 }, 13260, null, null, '13260'],
    ['legalStudioPersons', { triagedPersons: 63771 }, 63771, null, null, '63771'],
    ['enteredPetitionProcedure', { enteredProcedure: 3556 }, 3556, null, null, '3556'],
  ] as const)('%s of %j = %d / %s → %s', (id, fields, numerator, denominator, rate, display) => {
    const figure = figureOf(findIndicator(id), counts(fields));
    expect(figure.current).toEqual({ numerator, denominator, rate, display });
    expect(figure.version).toBe(findIndicator(id).version);
  });

  it.each([
    ['online count +200.72% (the report)', 'onlineShare', { registered: 6449, registeredOnline: 5828 }, { registered: 3000, registeredOnline: 1938 }, { numeratorPercent: 200.72, ratePoints: 25.77, percent: 39.89 }],
    ['collective batches −48.89%', 'collectiveVisitBatches', { collectiveVisits: 254 }, { collectiveVisits: 497 }, { percent: -48.89, ratePoints: null, numeratorPercent: -48.89 }],
    ['collective persons −83.57%', 'collectiveVisitPersons', { collectiveVisitPersons: 1983 }, { collectiveVisitPersons: 12070 }, { percent: -83.57, ratePoints: null, numeratorPercent: -83.57 }],
    ['nothing last year: no change', 'collectiveVisitBatches', { collectiveVisits: 4 }, { collectiveVisits: 0 }, { percent: null, ratePoints: null, numeratorPercent: null }],
    ['a rate without last year’s denominator', 'satisfactionRate', { evaluated: 10, evaluatedSatisfied: 9 }, { evaluated: 0, evaluatedSatisfied: 0 }, { percent: null, ratePoints: null, numeratorPercent: null }],
    ['repeat rate down 15 points, or down 46.88% relative', 'repeatVisitRate', { visits: 100, repeatVisits: 17 }, { visits: 100, repeatVisits: 32 }, { ratePoints: -15, percent: -46.88, numeratorPercent: -46.88 }],
  ] as const)('同比: %s', (_name, id, current, previous, change) => {
    const figure = figureOf(findIndicator(id), counts(current), counts(previous));
    expect(figure.change).toEqual(change);
    expect(figure.previous).toEqual(valueOf(findIndicator(id).compute(counts(previous))));
  });

  it('changeOf is the relative change of a count', () => {
    expect(changeOf(valueOf({ numerator: 5828, denominator: null }), valueOf({ numerator: 1938, denominator: null })).percent).toBe(200.72);
  });
});

describe('periods (Asia/Shanghai calendar days, both ends included)', () => {
  it.each([
    [{ kind: 'month', year: 2025, month: 2 }, '2025-02-01', '2025-02-28'],
    [{ kind: 'month', year: 2024, month: 2 }, '2024-02-01', '2024-02-29'],
    [{ kind: 'month', year: 2025, month: 12 }, '2025-12-01', '2025-12-31'],
    [{ kind: 'quarter', year: 2025, quarter: 1 }, '2025-01-01', '2025-03-31'],
    [{ kind: 'quarter', year: 2025, quarter: 4 }, '2025-10-01', '2025-12-31'],
    [{ kind: 'year', year: 2025 }, '2025-01-01', '2025-12-31'],
    [{ kind: 'range', from: '2025-01-01', to: '2025-10-31' }, '2025-01-01', '2025-10-31'],
  ] as const)('%j covers %s to %s', (period, from, to) => {
    expect(resolvePeriod(IndicatorPeriod.parse(period))).toEqual({ from, to });
  });

  it.each([
    ['2025-01-01', '2025-10-31', '2024-01-01', '2024-10-31'],
    ['2025-02-01', '2025-02-28', '2024-02-01', '2024-02-29'],
    ['2024-02-01', '2024-02-29', '2023-02-01', '2023-02-28'],
    ['2024-02-29', '2024-03-15', '2023-02-28', '2023-03-15'],
    ['2025-03-05', '2025-06-20', '2024-03-05', '2024-06-20'],
  ])('%s–%s a year earlier is %s–%s', (from, to, previousFrom, previousTo) => {
    expect(samePeriodLastYear({ from, to })).toEqual({ from: previousFrom, to: previousTo });
  });

  it('splits a period into its months, cut to its ends', () => {
    expect(monthsOf({ from: '2025-01-15', to: '2025-03-10' })).toEqual([
      { month: '2025-01', from: '2025-01-15', to: '2025-01-31' },
      { month: '2025-02', from: '2025-02-01', to: '2025-02-28' },
      { month: '2025-03', from: '2025-03-01', to: '2025-03-10' },
    ]);
    expect(monthsOf(resolvePeriod({ kind: 'year', year: 2025 }))).toHaveLength(12);
  });

  it.each([
    [{ kind: 'month', year: 2025, month: 13 }],
    [{ kind: 'quarter', year: 2025, quarter: 0 }],
    [{ kind: 'year', year: 1999 }],
    [{ kind: 'range', from: '2025-10-31', to: '2025-01-01' }],
    [{ kind: 'range', from: '2020-01-01', to: '2025-01-01' }],
    [{ kind: 'range', from: '2025-02-30', to: '2025-03-01' }],
  ])('refuses %j', (period) => {
    expect(IndicatorPeriod.safeParse(period).success).toBe(false);
  });
});

describe('scopes', () => {
  const district = { id: 'd', kind: 'district', path: '/440300/440304/' } as const;
  const street = { id: 's', kind: 'street', path: '/440300/440304/440304001000/' } as const;
  const otherStreet = { id: 'o', kind: 'street', path: '/440300/440304/440304002000/' } as const;
  const community = { id: 'c', kind: 'community', path: '/440300/440304/440304001000/440304001001/' } as const;
  const department = { id: 'p', kind: 'department', path: '/440300/440304/440304D01/' } as const;
  it.each([
    ['the bureau reads the district', district, { kind: 'district' }, true],
    ['the bureau reads a street', district, { kind: 'street', unit: street }, true],
    ['the bureau reads a department', district, { kind: 'department', unit: department }, true],
    ['a street reads itself', street, { kind: 'street', unit: street }, true],
    ['a street reads its community', street, { kind: 'department', unit: community }, true],
    ['a street does not read the district', street, { kind: 'district' }, false],
    ['a street does not read another street', street, { kind: 'street', unit: otherStreet }, false],
    ['a department does not read a street', department, { kind: 'street', unit: street }, false],
    ['a department reads itself', department, { kind: 'department', unit: department }, true],
  ] as const)('%s: %s', (_name, reader, scope, expected) => {
    expect(isScopeWithinReach(reader, scope)).toBe(expected);
  });

  it('opens each reader on their own unit', () => {
    expect(defaultScopeFor(district)).toEqual({ kind: 'district' });
    expect(defaultScopeFor(street)).toEqual({ kind: 'street', unitId: 's' });
    expect(defaultScopeFor(department)).toEqual({ kind: 'department', unitId: 'p' });
    expect(isScopeUnitOfKind('street', community)).toBe(false);
    expect(isScopeUnitOfKind('department', community)).toBe(true);
  });
});
