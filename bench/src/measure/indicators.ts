import type { Database } from '@xinfang/db/database';
import { readIndicatorCounts } from '@xinfang/db/repositories/indicators';
import { computeRate, yearOnYearChange, type Rate } from '@xinfang/domain/indicators/indicator-definition';
import {
  diversionSuccessRateDefinition,
  onlineShareDefinition,
  onTimeConclusionRateDefinition,
  satisfactionRateDefinition,
} from '@xinfang/domain/indicators/rates';
import { repeatVisitRateDefinition } from '@xinfang/domain/indicators/visit-indicators';

export interface DistrictIndicators {
  diversionSuccessRate: Rate;
  legalStudio: { triaged: number; persons: number; enteredProcedure: number };
  onlineShare: Rate;
  onlineGrowth: number | null;
  satisfactionRate: Rate;
  onTimeConclusionRate: Rate;
  repeatVisitRate: { batches: Rate; persons: Rate };
  collectiveVisits: { batches: number; persons: number; batchesChange: number | null; personsChange: number | null };
  /** DOMAIN.md §7 indicators whose records the schema does not hold yet (screening, hard cases, psych studio, leader receptions, incidents) */
  notYetRecorded: string[];
}

/**
 * Every DOMAIN.md §7 indicator the schema has records for, for the district and one year (with the year before for
 * the year-on-year figures): SQL aggregates over the daily rollup give the numerators and denominators, the domain's
 * definitions turn them into rates.
 */
export async function districtIndicators(db: Database, year: number): Promise<DistrictIndicators> {
  const [current, previous] = await Promise.all([
    readIndicatorCounts(db, { streetUnitId: null }, `${year}-01-01`, `${year}-12-31`),
    readIndicatorCounts(db, { streetUnitId: null }, `${year - 1}-01-01`, `${year - 1}-12-31`),
  ]);
  return {
    diversionSuccessRate: computeRate(diversionSuccessRateDefinition, current.litigationAccepted, current.litigationTriaged),
    legalStudio: { triaged: current.triaged, persons: current.triagedPersons, enteredProcedure: current.enteredProcedure },
    onlineShare: computeRate(onlineShareDefinition, current.registeredOnline, current.registered),
    onlineGrowth: yearOnYearChange(current.registeredOnline, previous.registeredOnline),
    satisfactionRate: computeRate(satisfactionRateDefinition, current.evaluatedSatisfied, current.evaluated),
    onTimeConclusionRate: computeRate(onTimeConclusionRateDefinition, current.concludedOnTime, current.concluded),
    repeatVisitRate: {
      batches: computeRate(repeatVisitRateDefinition, current.repeatVisits, current.visits),
      persons: computeRate({ id: 'repeatVisitRate.persons', version: 1 }, current.repeatVisitPersons, current.visitPersons),
    },
    collectiveVisits: {
      batches: current.collectiveVisits,
      persons: current.collectiveVisitPersons,
      batchesChange: yearOnYearChange(current.collectiveVisits, previous.collectiveVisits),
      personsChange: yearOnYearChange(current.collectiveVisitPersons, previous.collectiveVisitPersons),
    },
    notYetRecorded: ['screeningSettlementRate', 'nailCaseResolutionRate', 'psychStudio', 'leaderReceptions', 'incidents'],
  };
}
