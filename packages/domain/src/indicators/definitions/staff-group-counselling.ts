import { indicatorUnits, type IndicatorDefinition } from '../indicator-definition.ts';

/** 干部职工团体心理辅导 (DOMAIN.md §7). Health data (个人信息保护法 Art. 28). Its records (心访工作室) land with the rooms issue. */
export const staffGroupCounselling = {
  id: 'staffGroupCounselling',
  version: 1,
  kind: 'count',
  source: 'notRecordedYet',
  name: { zh: '干部职工团体心理辅导', en: 'Staff counselling: group' },
  definition: { zh: '心访工作室为信访干部职工开展团体心理辅导的人次；属健康信息，仅在工作室或全区层级显示，少于5的单元格不显示', en: 'Group counselling person-times for the bureau’s own staff; health data, shown at studio or district level only, cells under 5 suppressed' },
  numerator: { zh: '干部职工团体心理辅导人次', en: 'Group staff counselling person-times' },
  denominator: null,
  unit: indicatorUnits.personTimes,
  filters: { zh: '无', en: 'None' },
  periodBy: { zh: '辅导日期', en: 'Day of the session' },
  inputs: { groupSessionPersons: { zh: '干部职工团体心理辅导人次', en: 'Group staff counselling person-times' } },
  compute: ({ groupSessionPersons }) => ({ numerator: groupSessionPersons, denominator: null }),
  drillDown: null,
  higherIsBetter: null,
  suppressCellsBelow: 5,
  reportExample: { inputs: { groupSessionPersons: 153 }, figure: '153' },
  decimals: 2,
} as const satisfies IndicatorDefinition<Readonly<Record<'groupSessionPersons', number>>>;
