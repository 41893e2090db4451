import { indicatorUnits, type IndicatorDefinition } from '../indicator-definition.ts';
import { recordedCountLabels, type RecordedInputs } from '../recorded-counts.ts';

/** 集体访 person-times (DOMAIN.md §7); the report's −83.57% is its 同比. */
export const collectiveVisitPersons = {
  id: 'collectiveVisitPersons',
  version: 1,
  kind: 'count',
  source: 'records',
  name: { zh: '集体访人次', en: 'Collective visits (person-times)' },
  definition: { zh: '集体访（5人及以上）到场的人次', en: 'Person-times present at collective visits (5 or more people)' },
  numerator: recordedCountLabels.collectiveVisitPersons,
  denominator: null,
  unit: indicatorUnits.personTimes,
  filters: { zh: '5人及以上', en: '5 or more people' },
  periodBy: { zh: '来访日期', en: 'Day of the visit' },
  inputs: { collectiveVisitPersons: recordedCountLabels.collectiveVisitPersons },
  compute: ({ collectiveVisitPersons }) => ({ numerator: collectiveVisitPersons, denominator: null }),
  drillDown: { numerator: 'collectiveVisitPersons', denominator: null },
  higherIsBetter: false,
  reportExample: { inputs: { collectiveVisitPersons: 1983 }, figure: '1983' },
  decimals: 2,
} as const satisfies IndicatorDefinition<RecordedInputs<'collectiveVisitPersons'>>;
