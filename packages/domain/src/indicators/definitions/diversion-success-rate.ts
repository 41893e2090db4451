import { indicatorUnits, type IndicatorDefinition } from '../indicator-definition.ts';
import { recordedCountLabels, type RecordedInputs } from '../recorded-counts.ts';

/** 疏导成功率 (DOMAIN.md §7). */
export const diversionSuccessRate = {
  id: 'diversionSuccessRate',
  version: 1,
  kind: 'rate',
  source: 'records',
  name: { zh: '疏导成功率', en: 'Diversion success rate' },
  definition: {
    zh: '经访前甄别属涉法涉诉（依《信访工作条例》第三十一条第一至五项应通过法定途径解决）的事项中，信访人接受疏导分流的比例',
    en: 'Of the triaged litigation-type matters (Art. 31 (1)–(5): a statutory channel applies), the share whose diversion the petitioner accepted',
  },
  numerator: { zh: '接受疏导的涉法涉诉事项', en: 'Triaged litigation-type matters whose diversion was accepted' },
  denominator: { zh: '经甄别的涉法涉诉事项', en: 'Triaged litigation-type matters' },
  unit: indicatorUnits.matters,
  filters: { zh: '仅限涉法涉诉', en: 'Litigation-type only' },
  periodBy: { zh: '甄别日期', en: 'Day of triage' },
  inputs: { litigationTriaged: recordedCountLabels.litigationTriaged, litigationAccepted: recordedCountLabels.litigationAccepted },
  compute: ({ litigationTriaged, litigationAccepted }) => ({ numerator: litigationAccepted, denominator: litigationTriaged }),
  drillDown: { numerator: 'litigationAccepted', denominator: 'litigationTriaged' },
  higherIsBetter: true,
  reportExample: { inputs: { litigationTriaged: 7891, litigationAccepted: 7271 }, figure: '92.14%' },
  decimals: 2,
} as const satisfies IndicatorDefinition<RecordedInputs<'litigationTriaged' | 'litigationAccepted'>>;
