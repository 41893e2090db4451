import { indicatorUnits, type IndicatorDefinition } from '../indicator-definition.ts';
import { recordedCountLabels, type RecordedInputs } from '../recorded-counts.ts';

/** 重复访率 by batches (DOMAIN.md §7); `repeatVisitPersonRate` is its person-time variant. */
export const repeatVisitRate = {
  id: 'repeatVisitRate',
  version: 1,
  kind: 'rate',
  source: 'records',
  name: { zh: '重复访率', en: 'Repeat-visit rate' },
  definition: {
    zh: '来访批次中，信访人此前已登记过信访事项的重复来访批次所占比例',
    en: 'Of the visit batches at the halls, the share whose petitioner had already registered a matter before',
  },
  numerator: { zh: '重复来访批次', en: 'Repeat visit batches' },
  denominator: { zh: '接待厅全部来访批次', en: 'All visit batches at the halls' },
  unit: indicatorUnits.batches,
  filters: { zh: '按接待厅', en: 'By hall' },
  periodBy: { zh: '来访日期', en: 'Day of the visit' },
  inputs: { visits: recordedCountLabels.visits, repeatVisits: recordedCountLabels.repeatVisits },
  compute: ({ visits, repeatVisits }) => ({ numerator: repeatVisits, denominator: visits }),
  drillDown: { numerator: 'repeatVisits', denominator: 'visits' },
  higherIsBetter: false,
  reportExample: { inputs: { visits: 621, repeatVisits: 202 }, figure: '32.53%' },
  decimals: 2,
} as const satisfies IndicatorDefinition<RecordedInputs<'visits' | 'repeatVisits'>>;
