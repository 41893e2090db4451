import { indicatorUnits, type IndicatorDefinition } from '../indicator-definition.ts';

/** 访前心理疏导 (DOMAIN.md §7). Its records (心访工作室) land with the rooms issue. */
export const psychPreVisitCounselling = {
  id: 'psychPreVisitCounselling',
  version: 1,
  kind: 'count',
  source: 'notRecordedYet',
  name: { zh: '访前心理疏导', en: 'Psych studio: pre-visit counselling' },
  definition: { zh: '心访工作室在来访前开展心理疏导的人次', en: 'Person-times the studio counselled before a visit' },
  numerator: { zh: '访前心理疏导人次', en: 'Pre-visit counselling person-times' },
  denominator: null,
  unit: indicatorUnits.personTimes,
  filters: { zh: '无', en: 'None' },
  periodBy: { zh: '疏导日期', en: 'Day of the session' },
  inputs: { preVisitSessions: { zh: '访前心理疏导人次', en: 'Pre-visit counselling person-times' } },
  compute: ({ preVisitSessions }) => ({ numerator: preVisitSessions, denominator: null }),
  drillDown: null,
  higherIsBetter: null,
  reportExample: { inputs: { preVisitSessions: 287 }, figure: '287' },
  decimals: 2,
} as const satisfies IndicatorDefinition<Readonly<Record<'preVisitSessions', number>>>;
