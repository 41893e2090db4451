import { indicatorUnits, type IndicatorDefinition } from '../indicator-definition.ts';

/** 心理疏导后引导依法分流 (DOMAIN.md §7). Its records (心访工作室) land with the rooms issue. */
export const psychDiverted = {
  id: 'psychDiverted',
  version: 1,
  kind: 'count',
  source: 'notRecordedYet',
  name: { zh: '心理疏导后引导依法分流', en: 'Psych studio: diverted to a legal channel' },
  definition: { zh: '经心理疏导后引导信访人通过法定途径解决问题的人次', en: 'Person-times the studio guided to a statutory channel after counselling' },
  numerator: { zh: '疏导后引导至法定途径的人次', en: 'Person-times diverted to a legal channel after counselling' },
  denominator: null,
  unit: indicatorUnits.personTimes,
  filters: { zh: '无', en: 'None' },
  periodBy: { zh: '疏导日期', en: 'Day of the session' },
  inputs: { visitorsDiverted: { zh: '疏导后引导至法定途径的人次', en: 'Person-times diverted to a legal channel after counselling' } },
  compute: ({ visitorsDiverted }) => ({ numerator: visitorsDiverted, denominator: null }),
  drillDown: null,
  higherIsBetter: null,
  reportExample: { inputs: { visitorsDiverted: 387 }, figure: '387' },
  decimals: 2,
} as const satisfies IndicatorDefinition<Readonly<Record<'visitorsDiverted', number>>>;
