import { indicatorUnits, type IndicatorDefinition } from '../indicator-definition.ts';

/** 领导接访场次 (DOMAIN.md §7). Its records (领导接访) land with the division-work issue. */
export const leaderReceptionSessions = {
  id: 'leaderReceptionSessions',
  version: 1,
  kind: 'count',
  source: 'notRecordedYet',
  name: { zh: '领导接访场次', en: 'Leader receptions: sessions' },
  definition: { zh: '区、街道领导定点接访、重点约访、带案下访、定期走访的场次', en: 'Sessions of leaders receiving visitors: fixed-point, by appointment, bringing cases down, regular visits' },
  numerator: { zh: '领导接访场次', en: 'Leader reception sessions' },
  denominator: null,
  unit: indicatorUnits.sessions,
  filters: { zh: '无', en: 'None' },
  periodBy: { zh: '接访日期', en: 'Day of the session' },
  inputs: { sessions: { zh: '领导接访场次', en: 'Leader reception sessions' } },
  compute: ({ sessions }) => ({ numerator: sessions, denominator: null }),
  drillDown: null,
  higherIsBetter: null,
  // the report says "50+"
  reportExample: { inputs: { sessions: 50 }, figure: '50' },
  decimals: 2,
} as const satisfies IndicatorDefinition<Readonly<Record<'sessions', number>>>;
