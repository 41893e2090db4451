import { indicatorUnits, type IndicatorDefinition } from '../indicator-definition.ts';
import { recordedCountLabels, type RecordedInputs } from '../recorded-counts.ts';

/** 访前法律工作室 volume: person-times (人次) of the matters triaged (DOMAIN.md §7). */
export const legalStudioPersons = {
  id: 'legalStudioPersons',
  version: 1,
  kind: 'count',
  source: 'records',
  name: { zh: '访前法律工作室接待人次', en: 'Legal studio: person-times' },
  definition: { zh: '访前法律工作室甄别事项所涉信访人的人次（集体访按到场人数计）', en: 'Person-times of the matters the legal studio triaged (a collective visit counts everyone present)' },
  numerator: recordedCountLabels.triagedPersons,
  denominator: null,
  unit: indicatorUnits.personTimes,
  filters: { zh: '无', en: 'None' },
  periodBy: { zh: '甄别日期', en: 'Day of triage' },
  inputs: { triagedPersons: recordedCountLabels.triagedPersons },
  compute: ({ triagedPersons }) => ({ numerator: triagedPersons, denominator: null }),
  drillDown: { numerator: 'triagedPersons', denominator: null },
  higherIsBetter: null,
  reportExample: { inputs: { triagedPersons: 63771 }, figure: '63771' },
  decimals: 2,
} as const satisfies IndicatorDefinition<RecordedInputs<'triagedPersons'>>;
