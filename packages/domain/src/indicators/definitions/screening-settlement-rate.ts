import { indicatorUnits, type IndicatorDefinition } from '../indicator-definition.ts';

/** 调处成功率 of dispute screening (DOMAIN.md §7). Its records (矛盾排查) land with the division-work issue. */
export const screeningSettlementRate = {
  id: 'screeningSettlementRate',
  version: 1,
  kind: 'rate',
  source: 'notRecordedYet',
  name: { zh: '调处成功率', en: 'Screening settlement rate' },
  definition: {
    zh: '区、街道、社区三级矛盾排查发现的矛盾纠纷中，首次处置即化解的比例',
    en: 'Of the disputes found by screening at district, street and community level, the share settled at first handling',
  },
  numerator: { zh: '首次处置即化解的矛盾', en: 'Disputes settled at first handling' },
  denominator: { zh: '排查发现的矛盾', en: 'Disputes found' },
  unit: indicatorUnits.disputes,
  filters: { zh: '区、街道、社区三级', en: 'District, street and community levels' },
  periodBy: { zh: '发现日期', en: 'Day found' },
  inputs: {
    disputesFound: { zh: '排查发现的矛盾纠纷', en: 'Disputes found by screening' },
    disputesSettledAtFirstHandling: { zh: '首次处置即化解的矛盾纠纷', en: 'Disputes settled at first handling' },
  },
  compute: ({ disputesFound, disputesSettledAtFirstHandling }) => ({ numerator: disputesSettledAtFirstHandling, denominator: disputesFound }),
  drillDown: null,
  higherIsBetter: true,
  reportExample: { inputs: { disputesFound: 380, disputesSettledAtFirstHandling: 296 }, figure: '77.89%' },
  decimals: 2,
} as const satisfies IndicatorDefinition<Readonly<Record<'disputesFound' | 'disputesSettledAtFirstHandling', number>>>;
