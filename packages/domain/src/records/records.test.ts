import { describe, expect, it } from 'vitest';
import { syntheticId } from '../testing/fixtures.ts';
import * as appeal from './appeal.ts';
import * as careForm from './care-form.ts';
import * as caseReview from './case-review.ts';
import * as counselling from './counselling.ts';
import * as disputeScreening from './dispute-screening.ts';
import * as evaluation from './evaluation.ts';
import * as extension from './extension.ts';
import * as hardCase from './hard-case.ts';
import * as incident from './incident.ts';
import * as jointConference from './joint-conference.ts';
import * as leaderReception from './leader-reception.ts';
import * as mediation from './mediation.ts';
import * as notice from './notice.ts';
import * as objection from './objection.ts';
import * as petitioner from './petitioner.ts';
import * as relief from './relief.ts';
import * as reply from './reply.ts';
import * as routing from './routing.ts';
import * as triage from './triage.ts';
import * as visit from './visit.ts';

const modules = { appeal, careForm, caseReview, counselling, disputeScreening, evaluation, extension, hardCase, incident, jointConference, leaderReception, mediation, notice, objection, petitioner, relief, reply, routing, triage, visit };

const labelTables = Object.entries(modules).flatMap(([moduleName, module]) =>
  Object.entries(module)
    .filter(([name]) => name.endsWith('Labels'))
    .map(([name, table]) => [`${moduleName}.${name}`, table as Record<string, { zh: string; en: string }>] as const),
);

describe('record enums carry zh and en labels for every value', () => {
  it.each(labelTables)('%s', (_, table) => {
    for (const label of Object.values(table)) {
      expect(label.zh).toMatch(/\p{Script=Han}/u);
      expect(label.en).toMatch(/[A-Za-z]/);
    }
  });
});

const id = syntheticId;
const at = '2025-03-01T10:00:00+08:00';

describe('record schemas', () => {
  it.each([
    ['a person', petitioner.Petitioner, { kind: 'person', name: '演示用户', idCardNumber: '11010519491231002x', mobile: '199 0000 0001' }],
    ['an organisation', petitioner.Petitioner, { kind: 'organisation', name: '演示公司', creditCode: '91350100M000100Y43', contactName: '演示联系人' }],
    ['a visit', visit.Visit, { id: id(1), hallUnitId: id(2), arrivedAt: at, kind: 'first', personCount: 6, representativeIds: [id(3)] }],
    ['a triage record', triage.TriageRecord, { petitionId: id(1), lawyerStaffId: id(2), triagedAt: at, petitionClass: 'claim', claimRoute: 'litigation', litigationRelated: true, canHandle: false, guidance: '请起诉' }],
    ['a notice', notice.Notice, { id: id(1), petitionId: id(2), kind: 'receipt', text: '已受理', issuedAt: at, method: 'sms' }],
    ['an extension', extension.Extension, { petitionId: id(1), days: 30, reason: '勘查', requestedByStaffId: id(2), approvedByStaffId: id(3), approvedAt: at }],
    ['an objection', objection.Objection, { petitionId: id(1), unitId: id(2), reason: '非本单位职责', raisedAt: at }],
    ['an appeal', appeal.Appeal, { petitionId: id(1), level: 'review', unitId: id(2), requestedAt: at, reason: '不服' }],
    ['a care form', careForm.CareForm, { id: id(1), visitId: id(2), counsellorStaffId: id(3), filledAt: at, answers: { q1: 3 } }],
    ['a counselling session', counselling.CounsellingSession, { id: id(1), counsellorStaffId: id(2), heldAt: at, stage: 'duringVisit', format: 'group', subject: 'staff', personCount: 12 }],
    ['a mediation', mediation.Mediation, { id: id(1), mediatorStaffId: id(2), parties: [{ name: '甲', role: 'applicant' }, { name: '乙', role: 'respondent' }], result: 'agreement', agreementEffectiveOn: '2025-03-02' }],
    ['a hard case', hardCase.HardCase, { id: id(1), petitionIds: [id(2)], kind: 'nail', listedOn: '2025-01-02', ownerLeaderStaffId: id(3), plan: '专班化解' }],
    ['a case review submission', caseReview.CaseReviewSubmission, { id: id(1), hardCaseId: id(2), batch: '2025-1', submittedOn: '2025-02-01' }],
    ['a relief', relief.Relief, { id: id(1), petitionId: id(2), amountFen: 500000, reason: '生活困难' }],
    ['a leader reception', leaderReception.LeaderReception, { id: id(1), mode: 'bringCase', leaderStaffId: id(2), heldOn: '2025-03-01', place: '测试街道' }],
    ['a joint conference', jointConference.JointConference, { id: id(1), heldOn: '2025-03-01', chairStaffId: id(2), unitIdsPresent: [id(3)], tasks: [{ id: id(4), text: '限期答复', ownerUnitId: id(3), dueOn: '2025-03-15' }] }],
    ['a dispute', disputeScreening.DisputeScreening, { id: id(1), level: 'community', unitId: id(2), foundOn: '2025-03-01', parties: ['甲'], summary: '邻里纠纷', risk: 'low', settledAtFirstHandling: true }],
    ['an incident', incident.Incident, { id: id(1), hallUnitId: id(2), occurredAt: at, item: 'item4', description: '滞留', reportedByStaffId: id(3) }],
  ] as const)('accepts %s', (_, schema, value) => {
    expect(schema.safeParse(value).success).toBe(true);
  });

  it.each([
    ['six representatives', visit.Visit, { id: id(1), hallUnitId: id(2), arrivedAt: at, kind: 'first', personCount: 9, representativeIds: [1, 2, 3, 4, 5, 6].map(id) }, 'visit.tooManyRepresentatives'],
    ['fewer persons than petitioners', visit.Visit, { id: id(1), hallUnitId: id(2), arrivedAt: at, kind: 'first', personCount: 1, petitionerIds: [id(3), id(4)] }, 'visit.personCountTooSmall'],
    ['an extension over 30 days', extension.Extension, { petitionId: id(1), days: 31, reason: '勘查', requestedByStaffId: id(2), approvedByStaffId: id(3), approvedAt: at }, 'workflow.extension.tooLong'],
    ['a bad identity number', petitioner.Petitioner, { kind: 'person', name: '演示用户', idCardNumber: '110105194912310021' }, 'validation.idCard.checksum'],
  ] as const)('rejects %s', (_, schema, value, code) => {
    expect(schema.safeParse(value).error?.issues[0]?.message).toBe(code);
  });

  it('recognises collective visits', () => {
    expect(visit.isCollectiveVisit({ personCount: 5 })).toBe(true);
    expect(visit.isCollectiveVisit({ personCount: 4 })).toBe(false);
  });

  it.each([
    [{ q1: 1, q2: 2 }, 3, 'stable', false],
    [{ q1: 3, q2: 3, q3: 2, q4: 2 }, 10, 'attention', true],
    [{ q1: 3, q2: 3, q3: 3, q4: 3, q5: 3, q6: 3, q7: 2 }, 20, 'highRisk', true],
  ] as const)('grades care form %j', (answers, score, grade, followUp) => {
    expect(careForm.gradeCareForm(answers)).toEqual({ score, grade });
    expect(careForm.isFollowUpAdvised(grade)).toBe(followUp);
  });

  it.each([
    [{ dueOn: '2025-03-01' }, '2025-03-01', 'open'],
    [{ dueOn: '2025-03-01' }, '2025-03-02', 'overdue'],
    [{ dueOn: '2025-03-01', doneOn: '2025-03-05' }, '2025-03-09', 'done'],
  ] as const)('conference task %j on %s is %s', (task, today, status) => {
    expect(jointConference.conferenceTaskStatus(task, today)).toBe(status);
  });

  it('counts basically satisfied as satisfied', () => {
    expect(evaluation.countsAsSatisfied('basicallySatisfied')).toBe(true);
    expect(evaluation.countsAsSatisfied('dissatisfied')).toBe(false);
  });
});
