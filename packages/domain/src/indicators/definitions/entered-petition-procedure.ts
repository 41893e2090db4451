import { indicatorUnits, type IndicatorDefinition } from '../indicator-definition.ts';
import { recordedCountLabels, type RecordedInputs } from '../recorded-counts.ts';

/** 访前法律工作室 volume: matters that entered the petition procedure after triage (DOMAIN.md §7). */
export const enteredPetitionProcedure = {
  id: 'enteredPetitionProcedure',
  version: 1,
  kind: 'count',
  source: 'records',
  name: { zh: '甄别后进入信访程序事项', en: 'Matters that entered the petition procedure' },
  definition: {
    zh: '经访前甄别，不属涉法涉诉且可以按信访程序办理的事项件数',
    en: 'Triaged matters that are not litigation-type and can be handled as a petition',
  },
  numerator: recordedCountLabels.enteredProcedure,
  denominator: null,
  unit: indicatorUnits.matters,
  filters: { zh: '无', en: 'None' },
  periodBy: { zh: '甄别日期', en: 'Day of triage' },
  inputs: { enteredProcedure: recordedCountLabels.enteredProcedure },
  compute: ({ enteredProcedure }) => ({ numerator: enteredProcedure, denominator: null }),
  drillDown: { numerator: 'enteredProcedure', denominator: null },
  higherIsBetter: null,
  reportExample: { inputs: { enteredProcedure: 3556 }, figure: '3556' },
  decimals: 2,
} as const satisfies IndicatorDefinition<RecordedInputs<'enteredProcedure'>>;
