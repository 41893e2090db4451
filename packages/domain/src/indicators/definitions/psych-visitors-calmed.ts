import { indicatorUnits, type IndicatorDefinition } from '../indicator-definition.ts';

/** 心理疏导稳定情绪 (DOMAIN.md §7). Its records (心访工作室) land with the rooms issue. */
export const psychVisitorsCalmed = {
  id: 'psychVisitorsCalmed',
  version: 1,
  kind: 'count',
  source: 'notRecordedYet',
  name: { zh: '心理疏导稳定情绪', en: 'Psych studio: visitors calmed' },
  definition: { zh: '心访工作室对情绪激动的来访群众进行心理疏导、使其情绪稳定的人次', en: 'Person-times of agitated visitors the studio calmed by counselling' },
  numerator: { zh: '经心理疏导情绪稳定的来访群众人次', en: 'Visitor person-times calmed by counselling' },
  denominator: null,
  unit: indicatorUnits.personTimes,
  filters: { zh: '无', en: 'None' },
  periodBy: { zh: '疏导日期', en: 'Day of the session' },
  inputs: { visitorsCalmed: { zh: '经心理疏导情绪稳定的来访群众人次', en: 'Visitor person-times calmed by counselling' } },
  compute: ({ visitorsCalmed }) => ({ numerator: visitorsCalmed, denominator: null }),
  drillDown: null,
  higherIsBetter: null,
  reportExample: { inputs: { visitorsCalmed: 1901 }, figure: '1901' },
  decimals: 2,
} as const satisfies IndicatorDefinition<Readonly<Record<'visitorsCalmed', number>>>;
