import { indicatorUnits, type IndicatorDefinition } from '../indicator-definition.ts';

/** 接待场所极端事件 (DOMAIN.md §7). Its records (incidents) land with the division-work issue. */
export const hallIncidents = {
  id: 'hallIncidents',
  version: 1,
  kind: 'count',
  source: 'notRecordedYet',
  name: { zh: '接待场所极端事件', en: 'Disorderly incidents at halls' },
  definition: { zh: '接待场所发生的、依《信访工作条例》第二十六条记录的缠访闹访、极端事件起数', en: 'Disorderly incidents at the halls, each recorded citing an item of Art. 26' },
  numerator: { zh: '接待场所发生的缠访闹访、极端事件', en: 'Disorderly incidents at the halls' },
  denominator: null,
  unit: indicatorUnits.incidents,
  filters: { zh: '无', en: 'None' },
  periodBy: { zh: '发生日期', en: 'Day it happened' },
  inputs: { incidents: { zh: '接待场所发生的缠访闹访、极端事件', en: 'Disorderly incidents at the halls' } },
  compute: ({ incidents }) => ({ numerator: incidents, denominator: null }),
  drillDown: null,
  higherIsBetter: false,
  reportExample: { inputs: { incidents: 0 }, figure: '0' },
  decimals: 2,
} as const satisfies IndicatorDefinition<Readonly<Record<'incidents', number>>>;
