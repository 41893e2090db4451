import type { PetitionCommandInput } from '@xinfang/domain/workflow/petition-command';
import type { EventActor } from '@xinfang/domain/workflow/petition-event';
import type { DemoActors } from './demo-people.ts';
import type { SeededUnits } from './demo-units.ts';

export const dayMs = 24 * 3600 * 1000;

/**
 * One demo petition's life after registration, as commands with the day (after receipt) each is taken and who takes
 * it. The seed applies them in order with the domain's `applyAction` and stops at the first one that would lie in
 * the future, so recent matters are early in the workflow and older ones further on or closed.
 */
export type Step = { day: number; actor: EventActor; command: PetitionCommandInput };

export function planLife(random: () => number, units: SeededUnits, actors: DemoActors, departmentId: string, receivedAt: number): Step[] {
  const person = (username: string) => actors.byUsername.get(username)!;
  const handler = actors.handlerOf.get(departmentId)!;
  const head = actors.headOf.get(departmentId)!;
  const at = (day: number) => new Date(receivedAt + day * dayMs).toISOString();
  const fate = random();
  if (fate < 0.07) {
    return [{ day: 1, actor: person('lawyer'), command: { action: 'notAccept', reason: 'outsideScope', noticeText: '【演示数据】所反映事项不属于信访受理范围，请向有关机关反映。' } }];
  }
  if (fate < 0.17) {
    return [
      { day: 1, actor: person('lawyer'), command: { action: 'triage', petitionClass: 'claim', claimRoute: 'litigation', canHandle: false, guidance: '【演示数据】属民事纠纷，可向福田区人民法院提起诉讼。', legalBasis: '《信访工作条例》第三十一条' } },
      { day: 1.1, actor: person('lawyer'), command: { action: 'divert', destination: 'litigation', noticeText: '【演示数据】已告知向人民法院起诉。', noticeGivenAt: at(1.1) } },
      { day: 12, actor: person('lawyer'), command: { action: 'recordDiversionOutcome', outcome: random() < 0.8 ? 'accepted' : 'refused', filedInChannel: true } },
      { day: 40, actor: person('reception'), command: { action: 'close', note: '【演示数据】已导入诉讼程序。' } },
    ];
  }
  const triage: PetitionCommandInput =
    random() < 0.3
      ? { action: 'triage', petitionClass: 'suggestion', canHandle: true, guidance: '【演示数据】作为建议意见，转有关部门研究办理。' }
      : { action: 'triage', petitionClass: 'claim', claimRoute: 'petitionProcedure', canHandle: true, guidance: '【演示数据】依信访程序办理。' };
  const steps: Step[] = [
    { day: 1, actor: person('lawyer'), command: triage },
    { day: 2, actor: person('reception'), command: { action: 'route', unitId: departmentId, mode: random() < 0.7 ? 'transfer' : 'assign' } },
  ];
  if (fate < 0.21) return [...steps, { day: 6, actor: person('reception'), command: { action: 'withdraw', reason: '【演示数据】信访人撤回。' } }];
  const extended = random() < 0.2;
  const replyDay = extended ? 62 : 20 + Math.floor(random() * 25);
  steps.push(
    { day: 4, actor: handler, command: { action: 'acknowledgeReceipt', noticeText: '【演示数据】你反映的事项已收悉，依法受理。', noticeGivenAt: at(4) } },
    { day: 5, actor: handler, command: { action: 'startHandling', handlerStaffId: handler.staffId! } },
  );
  if (extended) {
    steps.push(
      { day: 50, actor: handler, command: { action: 'requestExtension', days: 30, reason: '【演示数据】需现场核查，申请延期。' } },
      { day: 51, actor: head, command: { action: 'approveExtension', days: 30, reason: '【演示数据】同意延期。' } },
    );
  }
  const outcome = (['support', 'explain', 'notSupport'] as const)[Math.floor(random() * 3)]!;
  steps.push({
    day: replyDay,
    actor: handler,
    command: { action: 'reply', outcome, facts: '【演示数据】经核查，情况属实部分已督促整改。', legalBasis: '《信访工作条例》第三十二条', deliveredAt: at(replyDay + 2) },
  });
  const appeal = random();
  if (appeal < 0.15) {
    const reviewer = person('reviewer');
    steps.push(
      { day: replyDay + 20, actor: person('reception'), command: { action: 'requestReview', reviewingUnitId: units.district.id, reason: '【演示数据】对处理意见不服，申请复查。' } },
      { day: replyDay + 45, actor: reviewer, command: { action: 'answerReview', outcome: 'upheld', text: '【演示数据】经复查，维持原处理意见。', deliveredAt: at(replyDay + 47) } },
    );
    if (appeal < 0.06) {
      steps.push(
        { day: replyDay + 65, actor: person('reception'), command: { action: 'requestRecheck', recheckingUnitId: units.city.id, reason: '【演示数据】对复查意见不服，申请复核。' } },
        { day: replyDay + 90, actor: person('rechecker'), command: { action: 'answerRecheck', outcome: 'upheld', text: '【演示数据】经复核，维持复查意见。', deliveredAt: at(replyDay + 92) } },
      );
    }
    steps.push({ day: replyDay + (appeal < 0.06 ? 100 : 80), actor: person('reception'), command: { action: 'close', note: '【演示数据】办结。' } });
  } else {
    if (random() < 0.7) steps.push({ day: replyDay + 7, actor: person('reception'), command: { action: 'recordEvaluation', rating: random() < 0.8 ? 'satisfied' : 'basicallySatisfied' } });
    steps.push({ day: replyDay + 35, actor: person('reception'), command: { action: 'close', note: '【演示数据】办结。' } });
  }
  return steps;
}
