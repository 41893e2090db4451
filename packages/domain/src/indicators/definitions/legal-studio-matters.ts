import { indicatorUnits, type IndicatorDefinition } from '../indicator-definition.ts';
import { recordedCountLabels, type RecordedInputs } from '../recorded-counts.ts';

/** 访前法律工作室 volume: matters triaged (件) (DOMAIN.md §7). */
export const legalStudioMatters = {
  id: 'legalStudioMatters',
  version: 1,
  kind: 'count',
  source: 'records',
  name: { zh: '访前法律工作室甄别事项', en: 'Legal studio: matters triaged' },
  definition: { zh: '访前法律工作室依法分类甄别的信访事项件数', en: 'Matters the pre-visit legal studio classified by law (triaged)' },
  numerator: recordedCountLabels.triaged,
  denominator: null,
  unit: indicatorUnits.matters,
  filters: { zh: '无', en: 'None' },
  periodBy: { zh: '甄别日期', en: 'Day of triage' },
  inputs: { triaged: recordedCountLabels.triaged },
  compute: ({ triaged }) => ({ numerator: triaged, denominator: null }),
  drillDown: { numerator: 'triaged', denominator: null },
  higherIsBetter: null,
  reportExample: { inputs: { triaged: 13260 }, figure: '13260' },
  decimals: 2,
} as const satisfies IndicatorDefinition<RecordedInputs<'triaged'>>;
