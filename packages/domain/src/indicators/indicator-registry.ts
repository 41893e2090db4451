import { z } from 'zod';
import type { BilingualMessage } from '../messages/messages.ts';
import { collectiveVisitBatches } from './definitions/collective-visit-batches.ts';
import { collectiveVisitPersons } from './definitions/collective-visit-persons.ts';
import { diversionSuccessRate } from './definitions/diversion-success-rate.ts';
import { enteredPetitionProcedure } from './definitions/entered-petition-procedure.ts';
import { hallIncidents } from './definitions/hall-incidents.ts';
import { leaderReceptionMattersResolved } from './definitions/leader-reception-matters-resolved.ts';
import { leaderReceptionSessions } from './definitions/leader-reception-sessions.ts';
import { legalStudioMatters } from './definitions/legal-studio-matters.ts';
import { legalStudioPersons } from './definitions/legal-studio-persons.ts';
import { nailCaseResolutionRate } from './definitions/nail-case-resolution-rate.ts';
import { onTimeConclusionRate } from './definitions/on-time-conclusion-rate.ts';
import { onlineShare } from './definitions/online-share.ts';
import { psychDiverted } from './definitions/psych-diverted.ts';
import { psychJoinedMediation } from './definitions/psych-joined-mediation.ts';
import { psychPreVisitCounselling } from './definitions/psych-pre-visit-counselling.ts';
import { psychVisitorsCalmed } from './definitions/psych-visitors-calmed.ts';
import { psychVisitorsReceived } from './definitions/psych-visitors-received.ts';
import { repeatVisitPersonRate } from './definitions/repeat-visit-person-rate.ts';
import { repeatVisitRate } from './definitions/repeat-visit-rate.ts';
import { satisfactionRate } from './definitions/satisfaction-rate.ts';
import { screeningSettlementRate } from './definitions/screening-settlement-rate.ts';
import { staffGroupCounselling } from './definitions/staff-group-counselling.ts';
import { staffIndividualCounselling } from './definitions/staff-individual-counselling.ts';
import type { Fraction, IndicatorDefinition, IndicatorInputs } from './indicator-definition.ts';
import type { RecordedCount, RecordedCounts } from './recorded-counts.ts';

/**
 * Every indicator of DOMAIN.md §7, in the dashboard's order. A room or division-work issue wires its definitions by
 * adding its counts to `RecordedCount` (and the facts query) and switching `source` to `records` — never by counting
 * its own way. (同比, the report's "growth", is not an indicator of its own: every figure carries it.)
 */
export const indicatorRegistry = [
  onlineShare,
  satisfactionRate,
  onTimeConclusionRate,
  diversionSuccessRate,
  repeatVisitRate,
  repeatVisitPersonRate,
  collectiveVisitBatches,
  collectiveVisitPersons,
  legalStudioMatters,
  legalStudioPersons,
  enteredPetitionProcedure,
  screeningSettlementRate,
  nailCaseResolutionRate,
  psychVisitorsReceived,
  psychVisitorsCalmed,
  psychPreVisitCounselling,
  psychJoinedMediation,
  psychDiverted,
  staffIndividualCounselling,
  staffGroupCounselling,
  leaderReceptionSessions,
  leaderReceptionMattersResolved,
  hallIncidents,
] as const;

export type IndicatorId = (typeof indicatorRegistry)[number]['id'];
export const IndicatorId = z.enum(indicatorRegistry.map((definition) => definition.id) as [IndicatorId, ...IndicatorId[]]);

/** A definition computed from the recorded counts: its inputs are recorded counts, and it can drill down. */
export interface RecordedIndicator extends Omit<IndicatorDefinition, 'compute' | 'drillDown' | 'inputs' | 'source' | 'reportExample' | 'id'> {
  readonly id: IndicatorId;
  readonly source: 'records';
  readonly inputs: Partial<Record<RecordedCount, BilingualMessage>>;
  compute(counts: RecordedCounts): Fraction;
  readonly drillDown: { readonly numerator: RecordedCount; readonly denominator: RecordedCount | null };
}

/** Any definition, its inputs' types erased (the registry's element type for lists and lookups). */
export interface AnyIndicator extends Omit<IndicatorDefinition, 'compute' | 'drillDown' | 'reportExample' | 'id'> {
  readonly id: IndicatorId;
  compute(inputs: IndicatorInputs): Fraction;
  readonly drillDown: { readonly numerator: string; readonly denominator: string | null } | null;
  readonly reportExample?: { readonly inputs: IndicatorInputs; readonly figure: string };
}

/** The registry, its definitions' input types erased. */
export const indicators: readonly AnyIndicator[] = indicatorRegistry;

/**
 * Whether a definition is computed from the recorded counts today (not `notRecordedYet`).
 * @example isRecordedIndicator(findIndicator('onlineShare')) // true
 */
export function isRecordedIndicator(definition: AnyIndicator): definition is AnyIndicator & RecordedIndicator {
  return definition.source === 'records';
}

/**
 * The definition of an indicator.
 * @example findIndicator('onlineShare').version // 1
 */
export function findIndicator(id: IndicatorId): AnyIndicator {
  const definition = indicators.find((candidate) => candidate.id === id);
  if (!definition) throw new RangeError(`unknown indicator ${id}`);
  return definition;
}
