import type { UnitTree } from '../units/unit-tree.ts';
import type { PetitionCommandInput } from '../workflow/petition-command.ts';
import type { EventActor } from '../workflow/petition-event.ts';
import type { RegisterPetitionInput } from '../workflow/register-petition.ts';

/**
 * Obviously synthetic UUIDs for tests and demos: `00000000-0000-4000-8000-00000000000n`.
 * @example syntheticId(7) // '00000000-0000-4000-8000-000000000007'
 */
export function syntheticId(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export const units = {
  city: syntheticId(0x90),
  district: syntheticId(0x91),
  street: syntheticId(0x92),
  community: syntheticId(0x93),
  departmentA: syntheticId(0x94),
  departmentB: syntheticId(0x95),
  departmentASection: syntheticId(0x96),
  otherDistrict: syntheticId(0x97),
} as const;

/** A city → district → street → community tree, two departments under the district, one section under a department. */
export const unitTree: UnitTree = [
  { id: units.city, parentId: null, kind: 'district' },
  { id: units.district, parentId: units.city, kind: 'district' },
  { id: units.otherDistrict, parentId: units.city, kind: 'district' },
  { id: units.street, parentId: units.district, kind: 'street' },
  { id: units.community, parentId: units.street, kind: 'community' },
  { id: units.departmentA, parentId: units.district, kind: 'department' },
  { id: units.departmentB, parentId: units.district, kind: 'department' },
  { id: units.departmentASection, parentId: units.departmentA, kind: 'department' },
];

export const actors = {
  officer: { staffId: syntheticId(0xa1), role: 'receptionOfficer', unitId: units.district },
  lawyer: { staffId: syntheticId(0xa2), role: 'lawyer', unitId: units.district },
  mediator: { staffId: syntheticId(0xa3), role: 'mediator', unitId: units.district },
  handlerA: { staffId: syntheticId(0xa4), role: 'departmentHandler', unitId: units.departmentA },
  headA: { staffId: syntheticId(0xa5), role: 'departmentHead', unitId: units.departmentA },
  handlerB: { staffId: syntheticId(0xa6), role: 'departmentHandler', unitId: units.departmentB },
  districtHandler: { staffId: syntheticId(0xa7), role: 'departmentHandler', unitId: units.district },
  cityHandler: { staffId: syntheticId(0xa8), role: 'departmentHandler', unitId: units.city },
  leader: { staffId: syntheticId(0xa9), role: 'bureauLeader', unitId: units.district },
  statistician: { staffId: syntheticId(0xaa), role: 'statistician', unitId: units.district },
  petitioner: { staffId: null, role: 'petitioner', unitId: null },
} as const satisfies Record<string, EventActor>;

export const petitionId = syntheticId(0xb1);
export const earlierPetitionId = syntheticId(0xb2);

/** A letter registered by a reception officer. */
export const registration: RegisterPetitionInput = {
  petitionId,
  trackingCode: 'TEST-CODE-01',
  channel: 'letter',
  receivedAt: '2025-01-24T09:00:00+08:00',
  hallUnitId: units.district,
  summary: '测试用事项：小区路灯长期不亮。',
};

const notice = '已收到您的来信，将按程序办理。';

/** One plausible command per action, for tables and property tests. */
export const sampleCommands = {
  triage: { action: 'triage', petitionClass: 'suggestion', canHandle: true, guidance: '按信访程序办理' },
  divert: { action: 'divert', destination: 'litigation', noticeText: notice, noticeGivenAt: '2025-01-24T11:00:00+08:00' },
  recordDiversionOutcome: { action: 'recordDiversionOutcome', outcome: 'accepted' },
  startMediation: { action: 'startMediation', mediatorStaffId: actors.mediator.staffId, partiesAgreed: true },
  concludeMediation: { action: 'concludeMediation', result: 'agreement', agreementEffectiveOn: '2025-02-10' },
  recordJudicialConfirmation: { action: 'recordJudicialConfirmation', appliedOn: '2025-02-20', court: '测试区人民法院' },
  route: { action: 'route', unitId: units.departmentA, mode: 'transfer' },
  acknowledgeReceipt: { action: 'acknowledgeReceipt', noticeText: notice, noticeGivenAt: '2025-01-27T10:00:00+08:00' },
  object: { action: 'object', reason: '不属于本单位职责' },
  recuse: { action: 'recuse', staffId: actors.handlerB.staffId, reason: '近亲属' },
  startHandling: { action: 'startHandling', handlerStaffId: actors.handlerA.staffId },
  requestExtension: { action: 'requestExtension', days: 30, reason: '需要现场勘查' },
  approveExtension: { action: 'approveExtension', days: 30, reason: '需要现场勘查' },
  pauseClock: { action: 'pauseClock', clock: 'conclude', reason: 'hearing' },
  resumeClock: { action: 'resumeClock', clock: 'conclude' },
  reply: { action: 'reply', outcome: 'support', facts: '经查属实', legalBasis: '《信访工作条例》第三十二条' },
  recordDelivery: { action: 'recordDelivery', document: 'reply', deliveredAt: '2025-01-24T16:00:00+08:00' },
  correctDelivery: { action: 'correctDelivery', document: 'reply', deliveredAt: '2025-01-24T15:00:00+08:00', reason: '送达回证上的日期登记有误' },
  recordEvaluation: { action: 'recordEvaluation', rating: 'satisfied' },
  requestReview: { action: 'requestReview', reviewingUnitId: units.district, reason: '对处理意见不服' },
  answerReview: { action: 'answerReview', outcome: 'upheld', text: '维持原处理意见' },
  requestRecheck: { action: 'requestRecheck', recheckingUnitId: units.city, reason: '对复查意见不服' },
  answerRecheck: { action: 'answerRecheck', outcome: 'upheld', text: '维持复查意见' },
  close: { action: 'close' },
  notAccept: { action: 'notAccept', reason: 'outsideScope', noticeText: notice },
  withdraw: { action: 'withdraw' },
  merge: { action: 'merge', intoPetitionId: earlierPetitionId },
} as const satisfies { [A in PetitionCommandInput['action']]: Extract<PetitionCommandInput, { action: A }> };
