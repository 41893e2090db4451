import { describe, expect, it } from 'vitest';
import { ActionOutcome, ActionTarget, ClockView, PetitionDetail, TimelineEntry } from './petition-detail.ts';

const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

const clock = {
  kind: 'receiptNotice',
  party: 'unit',
  state: 'running',
  startedOn: '2026-11-24',
  stoppedOn: null,
  statutoryDue: '2026-12-09',
  localTargetDue: '2026-12-01',
  extensionDays: 0,
  pausedDays: 0,
  light: 'green',
  uncertain: false,
  explanation: { zh: '法定期限：2026-12-09', en: 'Statutory limit: 2026-12-09' },
};

const timelineEntry = {
  sequence: 1,
  type: 'registered',
  label: { zh: '登记', en: 'Registered' },
  occurredAt: '2026-11-24T09:00:00+08:00',
  actorName: '接访员（演示）',
  actorRole: 'receptionOfficer',
  unitName: '测试区信访局',
  details: { channel: 'letter' },
};

const detail = {
  id: id(0xb1),
  trackingCode: 'TEST-CODE-01',
  version: 3,
  status: 'routed',
  channel: 'letter',
  kioskAssisted: false,
  petitionClass: 'suggestion',
  claimRoute: null,
  summary: '测试用事项：小区路灯长期不亮。',
  content: '小区路灯长期不亮，夜间出行不便。',
  request: '尽快修好路灯',
  respondent: '某物业服务公司',
  kioskCategory: 'publicServices',
  isCollective: false,
  headcount: 1,
  receivedAt: '2026-11-24T09:00:00+08:00',
  hall: { id: id(0x91), name: '测试区信访局' },
  street: null,
  handlingUnit: { id: id(0x94), name: '测试部门' },
  accusedUnitIds: [],
  accusedStaffIds: [],
  extensionRequest: null,
  replyingUnitId: null,
  reviewingUnitId: null,
  persons: [{ petitionerId: id(0xc1), name: '演示用户', idNumberMasked: '110105********002X', mobileMasked: '199****0001', isRepresentative: false, hasAddress: true }],
  dueAt: '2026-12-09T15:59:59.999Z',
  light: 'green',
  clocks: [clock],
  timeline: [timelineEntry],
  documents: [{ id: id(0xd1), kind: 'legalGuidance', title: '法律指引告知书', serialNumber: '福信指〔2026〕0001号', issuedAt: '2026-11-24T10:00:00+08:00' }],
  related: [{ id: id(0xb2), trackingCode: 'TEST-CODE-02', summary: '此前事项', status: 'closed', receivedAt: '2026-01-05T09:00:00+08:00', relation: 'samePetitioner' }],
  followUpAdvised: false,
  availableActions: ['acknowledgeReceipt', 'object'],
  reception: null,
  evaluation: { rating: 'dissatisfied', comment: '路灯修好后又坏了', recordedAt: '2026-12-20T10:00:00+08:00', byPetitioner: true },
  appealRequests: [{ kind: 'review', reason: '认为物业责任未落实', requestedAt: '2026-12-21T10:00:00+08:00', unitName: '测试区', byPetitioner: true }],
};

function failingPaths(schema: { safeParse: (input: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[] }[] } } }, input: unknown): string[] {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  return result.error?.issues.map((issue) => issue.path.map(String).join('.')) ?? [];
}

describe('PetitionDetail', () => {
  it('accepts a routed letter as the case screen shows it', () => {
    expect(PetitionDetail.parse(detail)).toEqual(detail);
  });

  it('accepts a walk-in visit with its joint-reception staff (1+1+1+N)', () => {
    const staff = (n: number, role: string, unit: string) => ({ id: id(0xe0 + n), name: `接访人员${n}`, role, unit: { id: id(0xf0 + n), name: unit } });
    const visit = {
      ...detail,
      channel: 'visit',
      reception: { arrivedAt: '2026-11-24T09:30:00+08:00', personCount: 30, isCollective: true, guidedOnline: false, staff: [staff(1, 'receptionOfficer', '福田区'), staff(2, 'handler', '区住房和建设局')] },
    };
    expect(PetitionDetail.parse(visit)).toEqual(visit);
    expect(failingPaths(PetitionDetail, { ...visit, reception: { ...visit.reception, personCount: 1.5 } })).toEqual(['reception.personCount']);
    expect(failingPaths(PetitionDetail, { ...visit, reception: { ...visit.reception, staff: [{ ...staff(1, 'handler', '区住房和建设局'), id: 'not-a-uuid' }] } })).toEqual(['reception.staff.0.id']);
  });

  it('accepts a matter before triage: no class, no handling unit, no light', () => {
    const fresh = {
      ...detail,
      status: 'registered',
      petitionClass: null,
      handlingUnit: null,
      dueAt: null,
      light: null,
      documents: [],
      related: [],
      availableActions: ['triage'],
      request: null,
      respondent: null,
      kioskCategory: null,
      evaluation: null,
      appealRequests: [],
    };
    expect(PetitionDetail.parse(fresh)).toEqual(fresh);
  });

  it.each([
    ['an unknown status', { ...detail, status: 'lost' }, 'status'],
    ['an unknown channel', { ...detail, channel: 'pigeon' }, 'channel'],
    ['an unknown action offered', { ...detail, availableActions: ['approve'] }, 'availableActions.0'],
    ['a person whose id is not a UUID', { ...detail, persons: [{ ...detail.persons[0], petitionerId: 'p1' }] }, 'persons.0.petitionerId'],
    ['an unknown relation', { ...detail, related: [{ ...detail.related[0], relation: 'cousin' }] }, 'related.0.relation'],
    ['a missing light (null is required, not absent)', { ...detail, light: undefined }, 'light'],
    ['a fractional headcount', { ...detail, headcount: 1.5 }, 'headcount'],
    ['a clock of a third party', { ...detail, clocks: [{ ...clock, party: 'court' }] }, 'clocks.0.party'],
    ['a clock in an unknown state', { ...detail, clocks: [{ ...clock, state: 'expired' }] }, 'clocks.0.state'],
    ['an unknown kiosk category', { ...detail, kioskCategory: 'weather' }, 'kioskCategory'],
    ['an unknown rating', { ...detail, evaluation: { ...detail.evaluation, rating: 'great' } }, 'evaluation.rating'],
    ['an appeal request of an unknown kind', { ...detail, appealRequests: [{ ...detail.appealRequests[0], kind: 'appeal' }] }, 'appealRequests.0.kind'],
    ['a person without the address flag', { ...detail, persons: [{ ...detail.persons[0], hasAddress: undefined }] }, 'persons.0.hasAddress'],
    ['a timeline entry without details', { ...detail, timeline: [{ ...timelineEntry, details: undefined }] }, 'timeline.0.details'],
  ])('refuses %s', (_, input, path) => {
    expect(failingPaths(PetitionDetail, input)).toContain(path);
  });
});

describe('ClockView and TimelineEntry', () => {
  it('accept a stopped clock and an anonymous (petitioner) timeline entry', () => {
    const stopped = { ...clock, state: 'stopped', stoppedOn: '2026-11-26', localTargetDue: null, light: 'red', uncertain: true };
    expect(ClockView.parse(stopped)).toEqual(stopped);
    const byPetitioner = { ...timelineEntry, type: 'withdrawn', actorName: null, actorRole: 'petitioner', unitName: null, details: {} };
    expect(TimelineEntry.parse(byPetitioner)).toEqual(byPetitioner);
  });

  it('refuse fractional day counts', () => {
    expect(failingPaths(ClockView, { ...clock, pausedDays: 0.5 })).toEqual(['pausedDays']);
    expect(failingPaths(TimelineEntry, { ...timelineEntry, sequence: 1.5 })).toEqual(['sequence']);
  });
});

describe('ActionTarget', () => {
  it('addresses a petition at a positive version', () => {
    expect(ActionTarget.parse({ petitionId: id(0xb1), expectedVersion: 4 })).toEqual({ petitionId: id(0xb1), expectedVersion: 4 });
  });

  it.each([
    ['a petition id that is not a UUID', { petitionId: 'TEST-CODE-01', expectedVersion: 1 }, 'validation.invalid'],
    ['version 0', { petitionId: id(0xb1), expectedVersion: 0 }, undefined],
    ['a fractional version', { petitionId: id(0xb1), expectedVersion: 1.5 }, undefined],
  ])('refuses %s', (_, input, message) => {
    const result = ActionTarget.safeParse(input);
    expect(result.success).toBe(false);
    if (message) expect(result.error?.issues[0]?.message).toBe(message);
  });
});

describe('ActionOutcome', () => {
  it('reports the new version and status, with or without an issued document', () => {
    const withDocument = { id: id(0xb1), version: 5, status: 'received', documentId: id(0xd2) };
    expect(ActionOutcome.parse(withDocument)).toEqual(withDocument);
    expect(ActionOutcome.parse({ ...withDocument, documentId: null }).documentId).toBeNull();
    expect(ActionOutcome.safeParse({ ...withDocument, status: 'done' }).success).toBe(false);
  });
});
