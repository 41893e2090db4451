import { indicatorUnits, type IndicatorDefinition } from '../indicator-definition.ts';
import { recordedCountLabels, type RecordedInputs } from '../recorded-counts.ts';

/**
 * 按期办结率 (DOMAIN.md §7). Version 2: the due date is the conclude clock's statutory due date as the clock engine
 * computes it and the case detail shows it — 60 days from the day after the receipt notice, a last day on a rest day
 * moved to the next working day, paused days not counted, plus the approved extension. Version 1 counted 60 plain
 * calendar days plus the extension, ignoring the rest-day roll and pauses.
 */
export const onTimeConclusionRate = {
  id: 'onTimeConclusionRate',
  version: 2,
  kind: 'rate',
  source: 'records',
  name: { zh: '按期办结率', en: 'On-time conclusion rate' },
  definition: {
    zh: '出具处理意见（答复）之日不晚于办结时限的事项占已办结事项的比例；办结时限按期限引擎计算：自受理告知次日起算60日，期限最后一日为休息日的顺延至其后第一个工作日，中止期间不计入，批准延期的加上延期天数',
    en: 'Matters replied on or before the conclude deadline as a share of the matters concluded; the deadline is the clock engine’s: 60 days from the day after the receipt notice, a last day on a rest day moved to the next working day, paused time excluded, plus the approved extension',
  },
  numerator: { zh: '在期限内办结的事项', en: 'Concluded on or before the due date' },
  denominator: { zh: '已办结的事项', en: 'Concluded matters' },
  unit: indicatorUnits.matters,
  filters: { zh: '可按案件类型筛选（如荆棘案）', en: 'May be narrowed by kind (e.g. thorn cases)' },
  periodBy: { zh: '答复日期', en: 'Day of the reply' },
  inputs: { concluded: recordedCountLabels.concluded, concludedOnTime: recordedCountLabels.concludedOnTime },
  compute: ({ concluded, concludedOnTime }) => ({ numerator: concludedOnTime, denominator: concluded }),
  drillDown: { numerator: 'concludedOnTime', denominator: 'concluded' },
  higherIsBetter: true,
  reportExample: { inputs: { concluded: 325, concludedOnTime: 325 }, figure: '100.00%' },
  decimals: 2,
} as const satisfies IndicatorDefinition<RecordedInputs<'concluded' | 'concludedOnTime'>>;
