import { randomBytes, randomUUID } from 'node:crypto';
import { clockProjection } from '@xinfang/domain/casework/clock-projection';
import { buildDocumentContent, type DocumentInput } from '@xinfang/domain/casework/document-content';
import { documentKindOfAction, formatSerialNumber, type DocumentKind } from '@xinfang/domain/casework/documents';
import { createWorkCalendar } from '@xinfang/domain/clocks/work-calendar';
import { generateTrackingCode } from '@xinfang/domain/tracking-code';
import type { Role } from '@xinfang/domain/staff';
import type { UnitTree } from '@xinfang/domain/units/unit-tree';
import { applyAction } from '@xinfang/domain/workflow/apply-action';
import type { PetitionCommandInput } from '@xinfang/domain/workflow/petition-command';
import type { EventActor, PetitionEvent } from '@xinfang/domain/workflow/petition-event';
import { registerPetition } from '@xinfang/domain/workflow/register-petition';
import { protectMobile, type PersonalDataKeys } from '@xinfang/security/personal-data';
import { sql } from 'kysely';
import type { Database } from '../database.ts';
import { appendEventsWithProjection, insertDocument, insertRegisteredPetition, nextDocumentNumber } from '../repositories/petition-workflow.ts';
import { ensureStaff } from '../repositories/staff.ts';
import { ensureUnit } from '../repositories/units.ts';
import type { UnitRow } from '../schema.ts';
import { city, departments, district, streets } from './reference-units.ts';

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  displayName: string;
  unitCode: string;
}

/** One account per role. Demo passwords are public by design: printed at start, for demo mode only. */
export const demoAccounts: readonly DemoAccount[] = [
  { username: 'reception', password: 'Demo-reception-2026', role: 'receptionOfficer', displayName: '接访员（演示）', unitCode: district.code },
  { username: 'lawyer', password: 'Demo-lawyer-2026', role: 'lawyer', displayName: '值班律师（演示）', unitCode: district.code },
  { username: 'counsellor', password: 'Demo-counsellor-2026', role: 'counsellor', displayName: '心理咨询师（演示）', unitCode: district.code },
  { username: 'mediator', password: 'Demo-mediator-2026', role: 'mediator', displayName: '人民调解员（演示）', unitCode: district.code },
  { username: 'handler', password: 'Demo-handler-2026', role: 'departmentHandler', displayName: '住建局承办人（演示）', unitCode: '440304D01' },
  { username: 'depthead', password: 'Demo-depthead-2026', role: 'departmentHead', displayName: '住建局负责人（演示）', unitCode: '440304D01' },
  { username: 'leader', password: 'Demo-leader-2026', role: 'bureauLeader', displayName: '信访局领导（演示）', unitCode: district.code },
  { username: 'statistician', password: 'Demo-statistician-2026', role: 'statistician', displayName: '统计员（演示）', unitCode: district.code },
  { username: 'admin', password: 'Demo-admin-2026', role: 'administrator', displayName: '系统管理员（演示）', unitCode: district.code },
  { username: 'street-officer', password: 'Demo-street-2026', role: 'receptionOfficer', displayName: '南园街道接访员（演示）', unitCode: '440304001000' },
  // reviews of the departments' replies are answered one level up, at the district; rechecks one more level up, at the city
  { username: 'reviewer', password: 'Demo-reviewer-2026', role: 'departmentHead', displayName: '福田区复查承办人（演示）', unitCode: district.code },
  { username: 'rechecker', password: 'Demo-rechecker-2026', role: 'departmentHead', displayName: '深圳市复核承办人（演示）', unitCode: city.code },
];

/** Deterministic pseudo-random numbers (mulberry32) so the demo data is the same on every machine. */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function seededBytes(random: () => number): (length: number) => Uint8Array {
  return (length) => Uint8Array.from({ length }, () => Math.floor(random() * 256));
}

const demoTopics = [
  '小区电梯长期故障无人维修，物业不予处理',
  '公司拖欠三个月工资，要求协调支付',
  '商铺噪音扰民，夜间施工影响休息',
  '学位申请材料被退回，要求说明理由',
  '医保报销比例有疑问，要求复核',
  '道路占道经营，影响行人通行',
  '旧改项目补偿标准有异议',
  '社区养老服务申请迟迟没有答复',
  '餐饮店油烟排放影响居民生活',
  '预付卡商家关门，要求退款',
];

export interface SeedOptions {
  now: Date;
  keys: PersonalDataKeys;
  hashPassword: (password: string) => Promise<string>;
  /** Number of synthetic petitions; default 200. */
  petitions?: number;
}

export interface SeedResult {
  units: number;
  staff: number;
  petitionsCreated: number;
}

export interface SeededUnits {
  city: UnitRow;
  district: UnitRow;
  streets: UnitRow[];
  communities: UnitRow[];
  departments: UnitRow[];
}

/** The unit tree (city → district → streets → communities, plus departments). Idempotent. */
export async function seedUnits(db: Database): Promise<SeededUnits> {
  const cityRow = await ensureUnit(db, { ...city, kind: 'district' });
  let districtRow = await ensureUnit(db, { ...district, kind: 'district', parentId: cityRow.id });
  if (districtRow.parent_id === null) {
    // a database seeded before the city existed: hang the district under it (its paths stay as they are)
    await db.updateTable('units').set({ parent_id: cityRow.id }).where('id', '=', districtRow.id).execute();
    districtRow = { ...districtRow, parent_id: cityRow.id };
  }
  const streetRows: UnitRow[] = [];
  const communityRows: UnitRow[] = [];
  for (const street of streets) {
    const streetRow = await ensureUnit(db, { ...street, kind: 'street', parentId: districtRow.id, parentPath: districtRow.path });
    streetRows.push(streetRow);
    const communityCount = 2 + (Number(street.code.slice(6, 9)) % 2);
    for (let index = 1; index <= communityCount; index++) {
      communityRows.push(
        await ensureUnit(db, {
          code: `${street.code.slice(0, 9)}${String(index).padStart(3, '0')}`,
          kind: 'community',
          nameZh: `${street.nameZh}示例社区${index}`,
          nameEn: `${street.nameEn} sample community ${index}`,
          parentId: streetRow.id,
          parentPath: streetRow.path,
        }),
      );
    }
  }
  const departmentRows: UnitRow[] = [];
  for (const department of departments) {
    departmentRows.push(await ensureUnit(db, { ...department, kind: 'department', parentId: districtRow.id, parentPath: districtRow.path }));
  }
  return { city: cityRow, district: districtRow, streets: streetRows, communities: communityRows, departments: departmentRows };
}

/**
 * The demo data set: units, one staff account per role, and clearly synthetic petitions over the last 12 months
 * (petitioners named "演示信访人NNN", mobile numbers 1990000NNNN, every text marked 【演示数据】).
 * Safe to run again: units and accounts are upserted, petitions only added when none exist yet.
 */
export async function seedDemoData(db: Database, options: SeedOptions): Promise<SeedResult> {
  const units = await seedUnits(db);
  const unitByCode = new Map([units.city, units.district, ...units.streets, ...units.communities, ...units.departments].map((unit) => [unit.code, unit]));
  const staffIds: string[] = [];
  const actors = new Map<string, EventActor>();
  for (const account of demoAccounts) {
    const existing = await db.selectFrom('staff').select(['id', 'role', 'unit_id']).where('username', '=', account.username).executeTakeFirst();
    const staff =
      existing ??
      (await ensureStaff(db, {
        username: account.username,
        displayName: account.displayName,
        role: account.role,
        unitId: unitByCode.get(account.unitCode)!.id,
        passwordHash: await options.hashPassword(account.password),
      }));
    staffIds.push(staff.id);
    actors.set(account.username, { staffId: staff.id, role: staff.role as Role, unitId: staff.unit_id });
  }

  const already = await db
    .selectFrom('petitions')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('content', 'like', '【演示数据】%')
    .executeTakeFirstOrThrow();
  let petitionsCreated = 0;
  if (Number(already.count) === 0) {
    petitionsCreated = await seedDemoPetitions(db, units, await departmentStaff(db, units, actors, options), options);
  }
  const unitCount = await db.selectFrom('units').select(sql<string>`count(*)`.as('count')).executeTakeFirstOrThrow();
  return { units: Number(unitCount.count), staff: staffIds.length, petitionsCreated };
}

/** The demo actors: the accounts above by username, plus a handler and a head for each department. */
interface DemoActors {
  byUsername: Map<string, EventActor>;
  handlerOf: Map<string, EventActor>;
  headOf: Map<string, EventActor>;
}

/**
 * A handler and a head for every department other than the housing bureau (which has the demo `handler` and
 * `depthead`), so matters routed there have real people on their events. They get an unusable random password: an
 * administrator can reset one to sign in.
 */
async function departmentStaff(db: Database, units: SeededUnits, byUsername: Map<string, EventActor>, options: SeedOptions): Promise<DemoActors> {
  const handlerOf = new Map<string, EventActor>();
  const headOf = new Map<string, EventActor>();
  const unusable = await options.hashPassword(randomBytes(24).toString('base64'));
  for (const department of units.departments) {
    const suffix = department.code.slice(-3).toLowerCase();
    for (const [role, label, target] of [
      ['departmentHandler', '承办人', handlerOf],
      ['departmentHead', '负责人', headOf],
    ] as const) {
      const demo = [...byUsername.values()].find((actor) => actor.unitId === department.id && actor.role === role);
      if (demo) {
        target.set(department.id, demo);
        continue;
      }
      const row = await ensureStaff(db, {
        username: `demo-${suffix}-${role === 'departmentHandler' ? 'handler' : 'head'}`,
        displayName: `${department.name_zh}${label}（演示）`,
        role,
        unitId: department.id,
        passwordHash: unusable,
      });
      target.set(department.id, { staffId: row.id, role, unitId: row.unit_id });
    }
  }
  return { byUsername, handlerOf, headOf };
}

/** Which department each demo topic goes to (same order as `demoTopics`). */
const topicDepartments = ['440304D01', '440304D02', '440304D06', '440304D07', '440304D02', '440304D06', '440304D01', '440304D08', '440304D13', '440304D05'];

const dayMs = 24 * 3600 * 1000;

/**
 * One demo petition's life after registration, as commands with the day (after receipt) each is taken and who takes
 * it. The seed applies them in order with the domain's `applyAction` and stops at the first one that would lie in
 * the future, so recent matters are early in the workflow and older ones further on or closed.
 */
type Step = { day: number; actor: EventActor; command: PetitionCommandInput };

function planLife(random: () => number, units: SeededUnits, actors: DemoActors, departmentId: string, receivedAt: number): Step[] {
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

async function seedDemoPetitions(db: Database, units: SeededUnits, actors: DemoActors, options: SeedOptions): Promise<number> {
  const random = createSeededRandom(440304);
  const bytes = seededBytes(random);
  const total = options.petitions ?? 200;
  const yearMs = 365 * dayMs;
  const calendar = createWorkCalendar();
  const allUnits = await db.selectFrom('units').selectAll().execute();
  const unitTree: UnitTree = allUnits.map((unit) => ({ id: unit.id, parentId: unit.parent_id, kind: unit.kind as UnitTree[number]['kind'] }));
  const departmentByCode = new Map(units.departments.map((unit) => [unit.code, unit]));
  const nanyuan = units.streets.find((street) => street.code === '440304001000');
  const documentUnits = allUnits.map((unit) => ({ id: unit.id, kind: unit.kind, nameZh: unit.name_zh }));
  const notices: { kind: DocumentKind; issuedBy: string | null; eventSequence: number; input: DocumentInput }[] = [];
  await db.transaction().execute(async (tx) => {
    for (let index = 1; index <= total; index++) {
      const number = String(index).padStart(3, '0');
      const mobile = `1990000${String(index).padStart(4, '0')}`;
      const protectedMobile = protectMobile(options.keys, mobile);
      const petitioner = await tx
        .insertInto('petitioners')
        .values({
          kind: 'person',
          name: `演示信访人${number}`,
          mobile_cipher: protectedMobile.cipher,
          mobile_hash: protectedMobile.hash,
          mobile_masked: protectedMobile.masked,
          mobile_last4_hash: protectedMobile.last4Hash,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const street = units.streets[Math.floor(random() * units.streets.length)]!;
      const atStreetHall = random() < 0.6;
      // a quarter of the matters arrived in the last 30 days, the rest over the year
      const age = random() < 0.25 ? Math.floor(random() * 30 * dayMs) : Math.floor(random() * yearMs);
      const receivedAt = new Date(options.now.getTime() - age);
      const topicIndex = Math.floor(random() * demoTopics.length);
      const topic = demoTopics[topicIndex]!;
      const online = random() < 0.9;
      const content = `【演示数据】${street.name_zh}：${topic}。（第${number}号合成样例，非真实信访）`;
      const hall = atStreetHall ? street : units.district;
      const petitionId = randomUUID();
      const trackingCode = generateTrackingCode(bytes);
      const registrar: EventActor = online
        ? { staffId: null, role: 'petitioner', unitId: null }
        : (hall.id === nanyuan?.id ? actors.byUsername.get('street-officer') : undefined) ?? actors.byUsername.get('reception')!;
      const registered = registerPetition(
        { petitionId, trackingCode, channel: online ? 'online' : 'visit', kioskAssisted: online, receivedAt: receivedAt.toISOString(), hallUnitId: hall.id, summary: topic, petitionerIds: [petitioner.id] },
        registrar,
        receivedAt.toISOString(),
      );
      let state = registered.state;
      const events: PetitionEvent[] = [...registered.events];
      const departmentId = departmentByCode.get(topicDepartments[topicIndex]!)!.id;
      let previous = receivedAt.getTime();
      // some matters stall at a step, so queues show amber and red lights as well as green
      const stallAfter = random() < 0.15 ? Math.floor(random() * 6) : Number.POSITIVE_INFINITY;
      for (const step of planLife(random, units, actors, departmentId, receivedAt.getTime()).slice(0, stallAfter)) {
        const when = Math.max(previous + 60_000, receivedAt.getTime() + step.day * dayMs + Math.floor(random() * 4 * 3600 * 1000));
        if (when > options.now.getTime()) break;
        const result = applyAction(state, step.command, step.actor, new Date(when).toISOString(), { unitTree });
        const kind = documentKindOfAction(step.command.action, step.command.action === 'notAccept' ? step.command.reason : undefined);
        if (kind) {
          notices.push({
            kind,
            issuedBy: step.actor.staffId,
            eventSequence: events.length + result.events.length,
            input: {
              kind,
              matter: { petitionId, trackingCode, summary: topic, receivedAt, isCollective: false, headcount: 1, petitionerName: `演示信访人${number}` },
              before: state,
              after: result.state,
              command: step.command,
              units: documentUnits,
              now: new Date(when),
              serialNumber: '',
            },
          });
        }
        state = result.state;
        events.push(...result.events);
        previous = when;
      }
      const handlingUnit = allUnits.find((unit) => unit.id === state.routedTo?.unitId);
      const projection = clockProjection(events, calendar, options.now);
      const [first, ...rest] = events;
      const stored = (event: PetitionEvent) => ({
        type: event.type,
        actorId: event.actor.staffId,
        actorRole: event.actor.role,
        actorUnitId: event.actor.unitId,
        occurredAt: new Date(event.occurredAt),
        payload: event.payload,
      });
      await insertRegisteredPetition(
        tx,
        {
          id: petitionId,
          tracking_code: trackingCode,
          version: 1,
          status: 'registered',
          channel: online ? 'online' : 'visit',
          kiosk_assisted: online,
          summary: topic,
          content,
          petitioner_id: petitioner.id,
          hall_unit_id: hall.id,
          street_unit_id: street.id,
          scope_path: street.path,
          received_at: receivedAt,
          registered_at: receivedAt,
          registered_by: registrar.staffId,
          updated_at: receivedAt,
        },
        stored(first!),
      );
      await tx.insertInto('petition_petitioners').values({ petition_id: petitionId, petitioner_id: petitioner.id, is_representative: false }).execute();
      await appendEventsWithProjection(
        tx,
        petitionId,
        1,
        rest.map(stored),
        {
          status: state.status,
          petitionClass: state.petitionClass ?? null,
          claimRoute: state.claimRoute ?? null,
          handlingUnitId: handlingUnit?.id ?? null,
          responsiblePath: handlingUnit?.path ?? null,
          accusedUnitId: null,
          ...projection,
        },
        new Date(previous),
      );
    }
    // the notices the steps issued, numbered per kind and year in the order they were issued, as the workflow does
    notices.sort((a, b) => a.input.now.getTime() - b.input.now.getTime());
    for (const notice of notices) {
      const year = shanghaiYear(notice.input.now);
      const serialNumber = formatSerialNumber(notice.kind, year, await nextDocumentNumber(tx, notice.kind, year));
      const content = buildDocumentContent({ ...notice.input, serialNumber });
      await insertDocument(tx, {
        petitionId: notice.input.matter.petitionId,
        kind: notice.kind,
        serialNumber,
        issuedAt: notice.input.now,
        issuedBy: notice.issuedBy,
        issuingUnitId: content.issuingUnitId,
        eventSequence: notice.eventSequence,
        content: content.document,
      });
    }
  });
  return total;
}

function shanghaiYear(instant: Date): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(instant));
}
