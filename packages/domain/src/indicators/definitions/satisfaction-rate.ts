import { indicatorUnits, type IndicatorDefinition } from '../indicator-definition.ts';
import { recordedCountLabels, type RecordedInputs } from '../recorded-counts.ts';

/** 满意率 (DOMAIN.md §7). */
export const satisfactionRate = {
  id: 'satisfactionRate',
  version: 1,
  kind: 'rate',
  source: 'records',
  name: { zh: '满意率', en: 'Satisfaction rate' },
  definition: { zh: '评价为满意和基本满意的事项占已评价事项的比例', en: 'Matters rated satisfied or basically satisfied as a share of the matters evaluated' },
  numerator: { zh: '满意与基本满意的事项', en: 'Matters rated satisfied or basically satisfied' },
  denominator: { zh: '已评价的事项', en: 'Evaluated matters' },
  unit: indicatorUnits.matters,
  filters: { zh: '无', en: 'None' },
  periodBy: { zh: '评价日期', en: 'Day of evaluation' },
  inputs: { evaluated: recordedCountLabels.evaluated, evaluatedSatisfied: recordedCountLabels.evaluatedSatisfied },
  compute: ({ evaluated, evaluatedSatisfied }) => ({ numerator: evaluatedSatisfied, denominator: evaluated }),
  drillDown: { numerator: 'evaluatedSatisfied', denominator: 'evaluated' },
  higherIsBetter: true,
  reportExample: { inputs: { evaluated: 100, evaluatedSatisfied: 95 }, figure: '95.00%' },
  decimals: 2,
} as const satisfies IndicatorDefinition<RecordedInputs<'evaluated' | 'evaluatedSatisfied'>>;
