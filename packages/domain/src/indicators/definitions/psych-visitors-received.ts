import { indicatorUnits, type IndicatorDefinition } from '../indicator-definition.ts';

/** 心访工作室接待来访群众 (DOMAIN.md §7). Its records (心访工作室) land with the rooms issue. */
export const psychVisitorsReceived = {
  id: 'psychVisitorsReceived',
  version: 1,
  kind: 'count',
  source: 'notRecordedYet',
  name: { zh: '心访工作室接待来访群众', en: 'Psych studio: visitors received' },
  definition: { zh: '心访工作室接待来访群众的人次（访前、访中、访后）', en: 'Visitor person-times the psychological studio received, before, during and after a visit' },
  numerator: { zh: '心访工作室接待的来访群众人次', en: 'Visitor person-times the psychological studio received' },
  denominator: null,
  unit: indicatorUnits.personTimes,
  filters: { zh: '无', en: 'None' },
  periodBy: { zh: '接待日期', en: 'Day received' },
  inputs: { visitorsReceived: { zh: '心访工作室接待的来访群众人次', en: 'Visitor person-times the psychological studio received' } },
  compute: ({ visitorsReceived }) => ({ numerator: visitorsReceived, denominator: null }),
  drillDown: null,
  higherIsBetter: null,
  reportExample: { inputs: { visitorsReceived: 4402 }, figure: '4402' },
  decimals: 2,
} as const satisfies IndicatorDefinition<Readonly<Record<'visitorsReceived', number>>>;
