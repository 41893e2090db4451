import { indicatorUnits, type IndicatorDefinition } from '../indicator-definition.ts';

/** 钉子案化解率 (DOMAIN.md §7). Its records (疑难积案) land with the division-work issue. */
export const nailCaseResolutionRate = {
  id: 'nailCaseResolutionRate',
  version: 1,
  kind: 'rate',
  source: 'notRecordedYet',
  name: { zh: '钉子案化解率', en: 'Nail-case resolution rate' },
  definition: {
    zh: '列入领导包案的钉子案（久拖不决的重复信访）中已化解的比例',
    en: 'Of the nail cases (repeat petitions that will not settle) listed for leader ownership, the share resolved',
  },
  numerator: { zh: '已化解的钉子案', en: 'Nail cases resolved' },
  denominator: { zh: '列入的钉子案', en: 'Nail cases listed' },
  unit: indicatorUnits.cases,
  filters: { zh: '仅限钉子案', en: 'Nail cases only' },
  periodBy: { zh: '列入日期', en: 'Day listed' },
  inputs: {
    nailCasesListed: { zh: '列入的钉子案', en: 'Nail cases listed' },
    nailCasesResolved: { zh: '已化解的钉子案', en: 'Nail cases resolved' },
  },
  compute: ({ nailCasesListed, nailCasesResolved }) => ({ numerator: nailCasesResolved, denominator: nailCasesListed }),
  drillDown: null,
  higherIsBetter: true,
  reportExample: { inputs: { nailCasesListed: 216, nailCasesResolved: 129 }, figure: '59.72%' },
  decimals: 2,
} as const satisfies IndicatorDefinition<Readonly<Record<'nailCasesListed' | 'nailCasesResolved', number>>>;
