import { indicatorUnits, type IndicatorDefinition } from '../indicator-definition.ts';
import { recordedCountLabels, type RecordedInputs } from '../recorded-counts.ts';

/** 集体访 batches (DOMAIN.md §7); the report's −48.89% is its 同比. */
export const collectiveVisitBatches = {
  id: 'collectiveVisitBatches',
  version: 1,
  kind: 'count',
  source: 'records',
  name: { zh: '集体访批次', en: 'Collective visits (batches)' },
  definition: { zh: '同一事项5人及以上共同来访的批次', en: 'Visit batches of 5 or more people on one matter' },
  numerator: recordedCountLabels.collectiveVisits,
  denominator: null,
  unit: indicatorUnits.batches,
  filters: { zh: '5人及以上', en: '5 or more people' },
  periodBy: { zh: '来访日期', en: 'Day of the visit' },
  inputs: { collectiveVisits: recordedCountLabels.collectiveVisits },
  compute: ({ collectiveVisits }) => ({ numerator: collectiveVisits, denominator: null }),
  drillDown: { numerator: 'collectiveVisits', denominator: null },
  higherIsBetter: false,
  reportExample: { inputs: { collectiveVisits: 254 }, figure: '254' },
  decimals: 2,
} as const satisfies IndicatorDefinition<RecordedInputs<'collectiveVisits'>>;
