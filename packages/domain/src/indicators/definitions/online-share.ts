import { indicatorUnits, type IndicatorDefinition } from '../indicator-definition.ts';
import { recordedCountLabels, type RecordedInputs } from '../recorded-counts.ts';

/** 网上信访占比 (DOMAIN.md §7); its 同比 is the growth of the online count (the report's +200.72%). */
export const onlineShare = {
  id: 'onlineShare',
  version: 1,
  kind: 'rate',
  source: 'records',
  name: { zh: '网上信访占比', en: 'Online share' },
  definition: {
    zh: '网上受理的信访事项（含在接待厅自助终端引导网上提交的访转网事项）占登记的全部信访事项的比例',
    en: 'Matters received online (including those a hall guided to submit at its kiosk, 访转网) as a share of all matters registered',
  },
  numerator: { zh: '网上受理的事项（含自助终端访转网）', en: 'Matters received online (kiosk-assisted included)' },
  denominator: { zh: '登记的全部事项', en: 'All matters registered' },
  unit: indicatorUnits.matters,
  filters: { zh: '无', en: 'None' },
  periodBy: { zh: '收到日期', en: 'Day received' },
  inputs: { registered: recordedCountLabels.registered, registeredOnline: recordedCountLabels.registeredOnline },
  compute: ({ registered, registeredOnline }) => ({ numerator: registeredOnline, denominator: registered }),
  drillDown: { numerator: 'registeredOnline', denominator: 'registered' },
  higherIsBetter: true,
  reportExample: { inputs: { registered: 6449, registeredOnline: 5828 }, figure: '90.37%' },
  decimals: 2,
} as const satisfies IndicatorDefinition<RecordedInputs<'registered' | 'registeredOnline'>>;
