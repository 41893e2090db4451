import type { Channel } from '../petition/petition.ts';
import { countsAsSatisfied, type EvaluationRating } from '../records/evaluation.ts';
import type { HardCaseKind } from '../records/hard-case.ts';
import type { CalendarDay } from '../time/calendar-day.ts';
import { diversionSuccessRate as diversionSuccessRateDefinition } from './definitions/diversion-success-rate.ts';
import { nailCaseResolutionRate as nailCaseResolutionRateDefinition } from './definitions/nail-case-resolution-rate.ts';
import { onTimeConclusionRate as onTimeConclusionRateDefinition } from './definitions/on-time-conclusion-rate.ts';
import { onlineShare as onlineShareDefinition } from './definitions/online-share.ts';
import { satisfactionRate as satisfactionRateDefinition } from './definitions/satisfaction-rate.ts';
import { screeningSettlementRate as screeningSettlementRateDefinition } from './definitions/screening-settlement-rate.ts';
import { computeRate, isInPeriod, type Period, type Rate } from './indicator-definition.ts';

// The registry's definitions (definitions/*.ts), under the names callers of these record-level functions know.
export {
  diversionSuccessRateDefinition,
  nailCaseResolutionRateDefinition,
  onlineShareDefinition,
  onTimeConclusionRateDefinition,
  satisfactionRateDefinition,
  screeningSettlementRateDefinition,
};

// Record-level forms of the definitions: the same rules over plain records instead of counts (tests, fixtures).

/**
 * 疏导成功率: accepted diversions / triaged litigation-type matters.
 * @example diversionSuccessRate(records).display // '92.14%' for 7,271 of 7,891
 */
export function diversionSuccessRate(records: readonly { triagedOn: CalendarDay; litigationRelated: boolean; diversionOutcome?: 'accepted' | 'refused' | undefined }[], period?: Period): Rate {
  const relevant = records.filter((record) => record.litigationRelated && isInPeriod(record.triagedOn, period));
  return computeRate(diversionSuccessRateDefinition, relevant.filter((record) => record.diversionOutcome === 'accepted').length, relevant.length);
}

/**
 * 网上信访占比: matters received online (kiosk-assisted included) / all matters registered.
 * @example onlineShare(matters).display // '90.37%' for 5,828 of 6,449
 */
export function onlineShare(matters: readonly { receivedOn: CalendarDay; channel: Channel; kioskAssisted: boolean }[], period?: Period): Rate {
  const relevant = matters.filter((matter) => isInPeriod(matter.receivedOn, period));
  return computeRate(onlineShareDefinition, relevant.filter((matter) => matter.channel === 'online' || matter.kioskAssisted).length, relevant.length);
}

/**
 * 满意率: (satisfied + basically satisfied) / evaluated matters.
 * @example satisfactionRate([{ evaluatedOn: '2025-01-02', rating: 'satisfied' }]).percent // 100
 */
export function satisfactionRate(evaluations: readonly { evaluatedOn: CalendarDay; rating: EvaluationRating }[], period?: Period): Rate {
  const relevant = evaluations.filter((evaluation) => isInPeriod(evaluation.evaluatedOn, period));
  return computeRate(satisfactionRateDefinition, relevant.filter((evaluation) => countsAsSatisfied(evaluation.rating)).length, relevant.length);
}

/**
 * 调处成功率: disputes settled at first handling / disputes found.
 * @example screeningSettlementRate(disputes).display // '77.89%' for 296 of 380
 */
export function screeningSettlementRate(disputes: readonly { foundOn: CalendarDay; settledAtFirstHandling: boolean }[], period?: Period): Rate {
  const relevant = disputes.filter((dispute) => isInPeriod(dispute.foundOn, period));
  return computeRate(screeningSettlementRateDefinition, relevant.filter((dispute) => dispute.settledAtFirstHandling).length, relevant.length);
}

/**
 * 化解率 of nail cases: resolved / listed.
 * @example nailCaseResolutionRate(cases).display // '59.72%' for 129 of 216
 */
export function nailCaseResolutionRate(cases: readonly { listedOn: CalendarDay; kind: HardCaseKind; resolvedOn?: CalendarDay | undefined }[], period?: Period): Rate {
  const relevant = cases.filter((hardCase) => hardCase.kind === 'nail' && isInPeriod(hardCase.listedOn, period));
  return computeRate(nailCaseResolutionRateDefinition, relevant.filter((hardCase) => hardCase.resolvedOn !== undefined).length, relevant.length);
}

/**
 * 按期办结率: concluded on or before the due date / concluded.
 * @example onTimeConclusionRate([{ concludedOn: '2025-03-01', dueOn: '2025-03-02' }]).display // '100.00%'
 */
export function onTimeConclusionRate(concluded: readonly { concludedOn: CalendarDay; dueOn: CalendarDay }[], period?: Period): Rate {
  const relevant = concluded.filter((matter) => isInPeriod(matter.concludedOn, period));
  return computeRate(onTimeConclusionRateDefinition, relevant.filter((matter) => matter.concludedOn <= matter.dueOn).length, relevant.length);
}
