import { ClaimRoute, claimRouteLabels } from '@xinfang/domain/petition/claim-route';
import { NotAcceptReason, notAcceptReasonLabels } from '@xinfang/domain/petition/not-accept-reason';
import { PetitionClass, petitionClassLabels } from '@xinfang/domain/petition';
import { EvaluationRating, evaluationRatingLabels } from '@xinfang/domain/records/evaluation';
import { AppealOutcome, appealOutcomeLabels, ReplyOutcome, replyOutcomeLabels, ServedDocument, servedDocumentLabels } from '@xinfang/domain/records/reply';
import { ClockKind, clockKindLabels, PauseReason, pauseReasonLabels } from '@xinfang/domain/clocks/clock-kind';
import type { PetitionAction } from '@xinfang/domain/workflow/petition-action';
import type { BilingualMessage } from '@xinfang/domain/messages';

/** How the dialog asks for one command field. */
export type FieldKind = 'text' | 'textarea' | 'number' | 'boolean' | 'instant' | 'day' | 'select' | 'unit' | 'staff' | 'parentUnit' | 'accusedParties';

export interface ActionField {
  key: string;
  kind: FieldKind;
  required?: boolean;
  options?: readonly { value: string; label: BilingualMessage | string }[];
  /** For `parentUnit`: whose parent is the default (review → replying unit's parent; recheck → reviewer's). */
  parentOf?: 'replyingUnitId' | 'reviewingUnitId';
  /** Shown (and sent) only while another field of the dialog has this value. */
  shownWhen?: { key: string; value: string };
}

function options<T extends string>(values: readonly T[], labels: Record<T, BilingualMessage>) {
  return values.map((value) => ({ value, label: labels[value] }));
}

const plain = (values: readonly string[]) => values.map((value) => ({ value, label: `options.${value}` }));

/** The fields each step's dialog shows, in order; the API validates them again with the domain's schemas. */
export const actionFields: Record<PetitionAction, readonly ActionField[]> = {
  triage: [
    { key: 'petitionClass', kind: 'select', required: true, options: options(PetitionClass.options, petitionClassLabels) },
    { key: 'accusedParties', kind: 'accusedParties', required: true, shownWhen: { key: 'petitionClass', value: 'accusation' } },
    { key: 'claimRoute', kind: 'select', options: options(ClaimRoute.options, claimRouteLabels) },
    { key: 'canHandle', kind: 'boolean' },
    { key: 'guidance', kind: 'textarea', required: true },
    { key: 'legalBasis', kind: 'textarea' },
  ],
  divert: [
    { key: 'destination', kind: 'select', required: true, options: options(ClaimRoute.options, claimRouteLabels) },
    { key: 'noticeText', kind: 'textarea', required: true },
    { key: 'noticeGivenAt', kind: 'instant', required: true },
  ],
  recordDiversionOutcome: [
    { key: 'outcome', kind: 'select', required: true, options: plain(['accepted', 'refused']) },
    { key: 'filedInChannel', kind: 'boolean' },
    { key: 'note', kind: 'textarea' },
  ],
  startMediation: [
    { key: 'mediatorStaffId', kind: 'staff', required: true },
    { key: 'partiesAgreed', kind: 'boolean', required: true },
  ],
  concludeMediation: [
    { key: 'result', kind: 'select', required: true, options: plain(['agreement', 'terminated']) },
    { key: 'agreementEffectiveOn', kind: 'day' },
    { key: 'note', kind: 'textarea' },
  ],
  recordJudicialConfirmation: [
    { key: 'appliedOn', kind: 'day', required: true },
    { key: 'court', kind: 'text', required: true },
    { key: 'result', kind: 'select', options: plain(['pending', 'confirmed', 'rejected']) },
  ],
  route: [
    { key: 'unitId', kind: 'unit', required: true },
    { key: 'mode', kind: 'select', required: true, options: plain(['transfer', 'assign']) },
    { key: 'note', kind: 'textarea' },
  ],
  acknowledgeReceipt: [
    { key: 'noticeText', kind: 'textarea', required: true },
    { key: 'noticeGivenAt', kind: 'instant', required: true },
  ],
  object: [
    { key: 'reason', kind: 'textarea', required: true },
    { key: 'suggestedUnitId', kind: 'unit' },
  ],
  recuse: [
    { key: 'staffId', kind: 'staff', required: true },
    { key: 'reason', kind: 'textarea', required: true },
  ],
  startHandling: [{ key: 'handlerStaffId', kind: 'staff', required: true }],
  requestExtension: [
    { key: 'days', kind: 'number', required: true },
    { key: 'reason', kind: 'textarea', required: true },
  ],
  approveExtension: [
    { key: 'days', kind: 'number', required: true },
    { key: 'reason', kind: 'textarea', required: true },
  ],
  pauseClock: [
    { key: 'clock', kind: 'select', required: true, options: options(ClockKind.options, clockKindLabels) },
    { key: 'reason', kind: 'select', required: true, options: options(PauseReason.options, pauseReasonLabels) },
    { key: 'note', kind: 'textarea' },
  ],
  resumeClock: [{ key: 'clock', kind: 'select', required: true, options: options(ClockKind.options, clockKindLabels) }],
  reply: [
    { key: 'outcome', kind: 'select', required: true, options: options(ReplyOutcome.options, replyOutcomeLabels) },
    { key: 'facts', kind: 'textarea', required: true },
    { key: 'legalBasis', kind: 'textarea', required: true },
    { key: 'deliveredAt', kind: 'instant' },
  ],
  recordDelivery: [
    { key: 'document', kind: 'select', required: true, options: options(ServedDocument.options, servedDocumentLabels) },
    { key: 'deliveredAt', kind: 'instant', required: true },
  ],
  correctDelivery: [
    { key: 'document', kind: 'select', required: true, options: options(ServedDocument.options, servedDocumentLabels) },
    { key: 'deliveredAt', kind: 'instant', required: true },
    { key: 'reason', kind: 'textarea', required: true },
  ],
  recordEvaluation: [
    { key: 'rating', kind: 'select', required: true, options: options(EvaluationRating.options, evaluationRatingLabels) },
    { key: 'comment', kind: 'textarea' },
  ],
  requestReview: [
    { key: 'reviewingUnitId', kind: 'parentUnit', required: true, parentOf: 'replyingUnitId' },
    { key: 'reason', kind: 'textarea', required: true },
  ],
  answerReview: [
    { key: 'outcome', kind: 'select', required: true, options: options(AppealOutcome.options, appealOutcomeLabels) },
    { key: 'text', kind: 'textarea', required: true },
    { key: 'deliveredAt', kind: 'instant' },
  ],
  requestRecheck: [
    { key: 'recheckingUnitId', kind: 'parentUnit', required: true, parentOf: 'reviewingUnitId' },
    { key: 'reason', kind: 'textarea', required: true },
  ],
  answerRecheck: [
    { key: 'outcome', kind: 'select', required: true, options: options(AppealOutcome.options, appealOutcomeLabels) },
    { key: 'text', kind: 'textarea', required: true },
    { key: 'deliveredAt', kind: 'instant' },
  ],
  close: [{ key: 'note', kind: 'textarea' }],
  notAccept: [
    { key: 'reason', kind: 'select', required: true, options: options(NotAcceptReason.options, notAcceptReasonLabels) },
    { key: 'noticeText', kind: 'textarea', required: true },
    { key: 'matchedPetitionId', kind: 'text' },
  ],
  withdraw: [{ key: 'reason', kind: 'textarea' }],
  merge: [{ key: 'intoPetitionId', kind: 'text', required: true }],
};
