import { indicatorUnits, type IndicatorDefinition } from '../indicator-definition.ts';

/** 领导接访推动化解事项 (DOMAIN.md §7). Its records (领导接访) land with the division-work issue. */
export const leaderReceptionMattersResolved = {
  id: 'leaderReceptionMattersResolved',
  version: 1,
  kind: 'count',
  source: 'notRecordedYet',
  name: { zh: '领导接访推动化解事项', en: 'Leader receptions: matters pushed to resolution' },
  definition: { zh: '领导接访时接手并推动化解的信访事项件数', en: 'Matters taken up at leader receptions and pushed to resolution' },
  numerator: { zh: '领导接访推动化解的信访事项', en: 'Matters leader receptions pushed to resolution' },
  denominator: null,
  unit: indicatorUnits.matters,
  filters: { zh: '无', en: 'None' },
  periodBy: { zh: '化解日期', en: 'Day resolved' },
  inputs: { mattersPushed: { zh: '领导接访推动化解的信访事项', en: 'Matters leader receptions pushed to resolution' } },
  compute: ({ mattersPushed }) => ({ numerator: mattersPushed, denominator: null }),
  drillDown: null,
  higherIsBetter: true,
  // the report says "100+"
  reportExample: { inputs: { mattersPushed: 100 }, figure: '100' },
  decimals: 2,
} as const satisfies IndicatorDefinition<Readonly<Record<'mattersPushed', number>>>;
