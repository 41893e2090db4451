import { indicatorUnits, type IndicatorDefinition } from '../indicator-definition.ts';

/** 心理咨询师参与调解 (DOMAIN.md §7). Its records (心访工作室) land with the rooms issue. */
export const psychJoinedMediation = {
  id: 'psychJoinedMediation',
  version: 1,
  kind: 'count',
  source: 'notRecordedYet',
  name: { zh: '心理咨询师参与调解', en: 'Psych studio: joined mediations' },
  definition: { zh: '心访工作室心理咨询师参与人民调解的次数', en: 'Mediations the studio’s counsellors joined' },
  numerator: { zh: '心理咨询师参与人民调解的次数', en: 'Mediations a counsellor joined' },
  denominator: null,
  unit: indicatorUnits.sessions,
  filters: { zh: '无', en: 'None' },
  periodBy: { zh: '调解日期', en: 'Day of the mediation' },
  inputs: { mediationsJoined: { zh: '心理咨询师参与人民调解的次数', en: 'Mediations a counsellor joined' } },
  compute: ({ mediationsJoined }) => ({ numerator: mediationsJoined, denominator: null }),
  drillDown: null,
  higherIsBetter: null,
  reportExample: { inputs: { mediationsJoined: 454 }, figure: '454' },
  decimals: 2,
} as const satisfies IndicatorDefinition<Readonly<Record<'mediationsJoined', number>>>;
