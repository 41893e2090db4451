import type { PetitionClass } from '@xinfang/domain/petition';
import type { ClaimRoute } from '@xinfang/domain/petition/claim-route';
import type { UnitTree } from '@xinfang/domain/units/unit-tree';
import { applyAction } from '@xinfang/domain/workflow/apply-action';
import type { PetitionCommandInput } from '@xinfang/domain/workflow/petition-command';
import type { EventActor, PetitionEvent } from '@xinfang/domain/workflow/petition-event';
import type { PetitionState } from '@xinfang/domain/workflow/petition-state';
import { registerPetition } from '@xinfang/domain/workflow/register-petition';

/** The staff the synthetic workflow acts as. */
export interface Cast {
  officer: EventActor;
  lawyer: EventActor;
  mediator: EventActor;
  /** a department head at the district level: answers reviews of departments' replies */
  districtReviewer: EventActor;
  handlers: readonly EventActor[];
  heads: readonly EventActor[];
  departmentIds: readonly string[];
  departmentPaths: readonly string[];
  districtId: string;
  districtPath: string;
  unitTree: UnitTree;
}

/** Payload values that move with each petition's dates. */
type Dynamic = 'instant' | 'day';
const dynamicKeys: Record<string, Dynamic> = { noticeGivenAt: 'instant', deliveredAt: 'instant', agreementEffectiveOn: 'day', appliedOn: 'day' };

/** One step of a template: when (whole days after receipt, then minutes after 09:00 Shanghai), who, what. */
export interface TemplateEvent {
  type: string;
  dayOffset: number;
  minute: number;
  actor: EventActor;
  /** the payload's JSON split around its dynamic values, and which kind each one is */
  parts: string[];
  dynamics: Dynamic[];
}

/** What the petition row shows after the first `k` template events. */
export interface Projection {
  status: string;
  petitionClass: string | null;
  claimRoute: string | null;
  handlingUnitId: string | null;
  responsiblePath: string | null;
}

export interface Template {
  name: string;
  events: TemplateEvent[];
  /** projections[k] = after k template events (k = 0: just registered) */
  projections: Projection[];
  petitionClass: PetitionClass;
  department: number;
  rating: string | null;
  triageLitigation: boolean;
  diversionAccepted: boolean | null;
}

interface Step {
  command: PetitionCommandInput;
  actor: EventActor;
  /** whole days after the previous step (at least 0) */
  days: number;
}

const base = Date.parse('2024-01-01T01:00:00.000Z'); // 09:00 in Shanghai
const dayMs = 86_400_000;
const sentinel = (index: number) => `@@dynamic${index}@@`;

function projectionOf(state: PetitionState, cast: Cast): Projection {
  const unitId = state.routedTo?.unitId ?? null;
  const index = unitId ? cast.departmentIds.indexOf(unitId) : -1;
  return {
    status: state.status,
    petitionClass: state.petitionClass ?? null,
    claimRoute: state.claimRoute ?? null,
    handlingUnitId: unitId,
    responsiblePath: index >= 0 ? cast.departmentPaths[index]! : unitId === cast.districtId ? cast.districtPath : null,
  };
}

function split(payload: Record<string, unknown>): { parts: string[]; dynamics: Dynamic[] } {
  const dynamics: Dynamic[] = [];
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(payload)) {
    const kind = dynamicKeys[key];
    if (kind !== undefined && typeof value === 'string') {
      copy[key] = sentinel(dynamics.length);
      dynamics.push(kind);
    } else {
      copy[key] = value;
    }
  }
  const json = JSON.stringify(copy);
  const parts = json.split(/"@@dynamic\d+@@"/u);
  return { parts, dynamics };
}

/** Runs the steps through the domain's own `applyAction`, so every stored event is one the workflow accepts. */
function buildTemplate(name: string, steps: readonly Step[], cast: Cast, random: () => number, meta: Omit<Template, 'name' | 'events' | 'projections'>): Template {
  const registered = registerPetition(
    {
      petitionId: '00000000-0000-4000-8000-00000000b001',
      trackingCode: 'BENC-HTEM-PL',
      channel: 'online',
      receivedAt: new Date(base - 3_600_000).toISOString(),
      hallUnitId: cast.districtId,
      summary: '合成模板',
    },
    { staffId: null, role: 'petitioner', unitId: null },
    new Date(base - 3_600_000).toISOString(),
  );
  let state = registered.state;
  const projections = [projectionOf(state, cast)];
  const events: TemplateEvent[] = [];
  let day = 0;
  let minute = 0;
  for (const step of steps) {
    if (step.days > 0) {
      day += step.days;
      minute = Math.floor(random() * 420);
    } else {
      minute = Math.min(minute + 5 + Math.floor(random() * 40), 479);
    }
    const at = new Date(base + day * dayMs + minute * 60_000).toISOString();
    const command = withDates(step.command, at);
    const result = applyAction(state, command, step.actor, at, { unitTree: cast.unitTree });
    state = result.state;
    const event = result.events[0] as PetitionEvent;
    events.push({ type: event.type, dayOffset: day, minute, actor: step.actor, ...split(event.payload) });
    projections.push(projectionOf(state, cast));
  }
  return { name, events, projections, ...meta };
}

function withDates(command: PetitionCommandInput, at: string): PetitionCommandInput {
  const copy: Record<string, unknown> = { ...command };
  for (const [key, kind] of Object.entries(dynamicKeys)) {
    if (key in copy) copy[key] = kind === 'instant' ? at : shanghaiDayOf(Date.parse(at));
  }
  return copy as PetitionCommandInput;
}

/** The Asia/Shanghai calendar day of an instant (UTC+8 all year, no daylight saving). */
export function shanghaiDayOf(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

export const between = (random: () => number, low: number, high: number) => low + Math.floor(random() * (high - low + 1));

export function pick<T>(random: () => number, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of weighted) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

const notice = '已收到您反映的事项，将依法按程序办理。【合成数据】';

/** The kinds of path and their weights among matters that are not litigation-type. */
export const pathKinds = [
  ['main', 66],
  ['review', 3],
  ['mediation', 6],
  ['notAccepted', 3],
  ['withdrawn', 3],
  ['objected', 3],
  ['extended', 5],
  ['suggestion', 3],
] as const;

export function buildPath(kind: string, department: number, cast: Cast, random: () => number): Template {
  const handler = cast.handlers[department]!;
  const head = cast.heads[department]!;
  const unitId = cast.departmentIds[department]!;
  const steps: Step[] = [];
  const rating = pick(random, [
    ['satisfied', 80],
    ['basicallySatisfied', 14],
    ['dissatisfied', 6],
  ] as const);
  const meta = { petitionClass: 'claim' as PetitionClass, department, rating: null as string | null, triageLitigation: false, diversionAccepted: null as boolean | null };
  const triage = (petitionClass: PetitionClass, claimRoute: ClaimRoute | undefined, canHandle: boolean) => {
    meta.petitionClass = petitionClass;
    steps.push({
      command: { action: 'triage', petitionClass, ...(claimRoute ? { claimRoute } : {}), canHandle, guidance: canHandle ? '按信访程序办理' : '引导通过法定途径解决' },
      actor: random() < 0.5 ? cast.lawyer : cast.officer,
      days: between(random, 1, 2),
    });
  };
  const handle = (extended: boolean) => {
    steps.push({ command: { action: 'route', unitId, mode: random() < 0.8 ? 'transfer' : 'assign' }, actor: cast.officer, days: between(random, 0, 3) });
    steps.push({ command: { action: 'acknowledgeReceipt', noticeText: notice, noticeGivenAt: '' }, actor: handler, days: between(random, 1, 5) });
    steps.push({ command: { action: 'startHandling', handlerStaffId: handler.staffId! }, actor: handler, days: between(random, 0, 2) });
    if (extended) {
      steps.push({ command: { action: 'requestExtension', days: 30, reason: '需要现场勘查和多部门会商' }, actor: handler, days: between(random, 40, 55) });
      steps.push({ command: { action: 'approveExtension', days: 30, reason: '需要现场勘查和多部门会商' }, actor: head, days: between(random, 1, 3) });
      steps.push({ command: { action: 'reply', outcome: 'explain', facts: '经现场勘查核实', legalBasis: '《信访工作条例》第三十二条' }, actor: handler, days: between(random, 10, 25) });
    } else {
      const outcome = pick(random, [
        ['support', 50],
        ['explain', 40],
        ['notSupport', 10],
      ] as const);
      steps.push({ command: { action: 'reply', outcome, facts: '经调查核实', legalBasis: '《信访工作条例》第三十二条' }, actor: handler, days: between(random, 8, 50) });
    }
    steps.push({ command: { action: 'recordDelivery', document: 'reply', deliveredAt: '' }, actor: handler, days: between(random, 1, 4) });
  };
  const rateAndClose = (chosen: string) => {
    meta.rating = chosen;
    steps.push({ command: { action: 'recordEvaluation', rating: chosen as 'satisfied' }, actor: random() < 0.7 ? { staffId: null, role: 'petitioner', unitId: null } : cast.officer, days: between(random, 1, 10) });
    steps.push({ command: { action: 'close' }, actor: cast.officer, days: between(random, 0, 3) });
  };
  switch (kind) {
    case 'main':
    case 'extended':
      triage('claim', 'petitionProcedure', true);
      handle(kind === 'extended');
      rateAndClose(rating);
      break;
    case 'suggestion':
      triage('suggestion', undefined, true);
      handle(false);
      rateAndClose(rating === 'dissatisfied' ? 'satisfied' : rating);
      break;
    case 'review':
      triage('claim', 'petitionProcedure', true);
      handle(false);
      meta.rating = 'dissatisfied';
      steps.push({ command: { action: 'recordEvaluation', rating: 'dissatisfied' }, actor: { staffId: null, role: 'petitioner', unitId: null }, days: between(random, 1, 5) });
      steps.push({ command: { action: 'requestReview', reviewingUnitId: cast.districtId, reason: '对处理意见不服' }, actor: cast.officer, days: between(random, 5, 25) });
      steps.push({ command: { action: 'answerReview', outcome: random() < 0.85 ? 'upheld' : 'changed', text: '经复查，维持原处理意见' }, actor: cast.districtReviewer, days: between(random, 10, 28) });
      steps.push({ command: { action: 'recordDelivery', document: 'reviewAnswer', deliveredAt: '' }, actor: cast.officer, days: between(random, 1, 3) });
      steps.push({ command: { action: 'close' }, actor: cast.officer, days: between(random, 0, 2) });
      break;
    case 'diversion': {
      const route = pick(random, [
        ['litigation', 50],
        ['arbitration', 30],
        ['administrativeProcedure', 20],
      ] as const);
      triage('claim', route, false);
      meta.triageLitigation = true;
      const accepted = random() < 0.92;
      meta.diversionAccepted = accepted;
      steps.push({ command: { action: 'divert', destination: route, noticeText: '建议通过法定途径解决。【合成数据】', noticeGivenAt: '' }, actor: cast.lawyer, days: 0 });
      steps.push({ command: { action: 'recordDiversionOutcome', outcome: accepted ? 'accepted' : 'refused', filedInChannel: accepted && random() < 0.6 }, actor: cast.lawyer, days: between(random, 3, 20) });
      steps.push({ command: { action: 'close' }, actor: cast.officer, days: between(random, 0, 3) });
      break;
    }
    case 'mediation': {
      triage('claim', 'petitionProcedure', true);
      steps.push({ command: { action: 'startMediation', mediatorStaffId: cast.mediator.staffId!, partiesAgreed: true }, actor: cast.mediator, days: between(random, 1, 4) });
      const agreement = random() < 0.85;
      steps.push({
        command: agreement ? { action: 'concludeMediation', result: 'agreement', agreementEffectiveOn: '' } : { action: 'concludeMediation', result: 'terminated', note: '一方不同意调解方案' },
        actor: cast.mediator,
        days: between(random, 3, 20),
      });
      if (agreement && random() < 0.4) {
        steps.push({ command: { action: 'recordJudicialConfirmation', appliedOn: '', court: '福田区人民法院', result: 'confirmed' }, actor: cast.mediator, days: between(random, 3, 25) });
      }
      if (!agreement) {
        handle(false);
        rateAndClose(rating);
      }
      break;
    }
    case 'notAccepted':
      triage('claim', 'petitionProcedure', false);
      steps.push({ command: { action: 'notAccept', reason: 'outsideScope', noticeText: '不属于信访事项受理范围。【合成数据】' }, actor: cast.officer, days: between(random, 0, 2) });
      break;
    case 'withdrawn':
      triage('claim', 'petitionProcedure', true);
      steps.push({ command: { action: 'withdraw', reason: '已自行协商解决' }, actor: { staffId: null, role: 'petitioner', unitId: null }, days: between(random, 1, 10) });
      break;
    case 'objected': {
      triage('claim', 'petitionProcedure', true);
      steps.push({ command: { action: 'route', unitId, mode: 'transfer' }, actor: cast.officer, days: between(random, 0, 2) });
      steps.push({ command: { action: 'object', reason: '不属于本单位职责' }, actor: handler, days: between(random, 1, 5) });
      const other = (department + 1) % cast.departmentIds.length;
      const otherTemplate = buildPath('main', other, cast, random);
      // re-route to the other department and continue as its main path (skipping its triage)
      const rest = otherTemplate.events.slice(1);
      const built = buildTemplate(`objected-${department}`, steps, cast, random, meta);
      const offset = built.events.at(-1)!.dayOffset + between(random, 1, 3);
      const shifted = rest.map((event) => ({ ...event, dayOffset: event.dayOffset - otherTemplate.events[0]!.dayOffset + offset }));
      return {
        ...built,
        events: [...built.events, ...shifted],
        projections: [...built.projections, ...otherTemplate.projections.slice(2)],
        rating: otherTemplate.rating,
        department: other,
      };
    }
    default:
      throw new Error(`unknown path ${kind}`);
  }
  return buildTemplate(`${kind}-${department}`, steps, cast, random, meta);
}
