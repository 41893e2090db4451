import { indicatorUnits, type IndicatorDefinition } from '../indicator-definition.ts';
import { recordedCountLabels, type RecordedInputs } from '../recorded-counts.ts';

/** 重复访率 by person-times (DOMAIN.md §7: "person-time variant too"). */
export const repeatVisitPersonRate = {
  id: 'repeatVisitPersonRate',
  version: 1,
  kind: 'rate',
  source: 'records',
  name: { zh: '重复访率（人次）', en: 'Repeat-visit rate (person-times)' },
  definition: { zh: '来访人次中重复来访人次所占比例', en: 'Repeat visit person-times as a share of all visit person-times' },
  numerator: { zh: '重复来访人次', en: 'Repeat visit person-times' },
  denominator: { zh: '全部来访人次', en: 'All visit person-times' },
  unit: indicatorUnits.personTimes,
  filters: { zh: '按接待厅', en: 'By hall' },
  periodBy: { zh: '来访日期', en: 'Day of the visit' },
  inputs: { visitPersons: recordedCountLabels.visitPersons, repeatVisitPersons: recordedCountLabels.repeatVisitPersons },
  compute: ({ visitPersons, repeatVisitPersons }) => ({ numerator: repeatVisitPersons, denominator: visitPersons }),
  drillDown: { numerator: 'repeatVisitPersons', denominator: 'visitPersons' },
  higherIsBetter: false,
  decimals: 2,
} as const satisfies IndicatorDefinition<RecordedInputs<'visitPersons' | 'repeatVisitPersons'>>;
