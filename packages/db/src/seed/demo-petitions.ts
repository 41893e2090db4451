import { randomUUID } from 'node:crypto';
import { clockProjection } from '@xinfang/domain/casework/clock-projection';
import { buildDocumentContent, type DocumentInput } from '@xinfang/domain/casework/document-content';
import { documentKindOfAction, formatSerialNumber, type DocumentKind } from '@xinfang/domain/casework/documents';
import { createWorkCalendar } from '@xinfang/domain/clocks/work-calendar';
import { generateTrackingCode } from '@xinfang/domain/tracking-code';
import type { UnitTree } from '@xinfang/domain/units/unit-tree';
import { applyAction } from '@xinfang/domain/workflow/apply-action';
import type { EventActor, PetitionEvent } from '@xinfang/domain/workflow/petition-event';
import { registerPetition } from '@xinfang/domain/workflow/register-petition';
import type { Database } from '../database.ts';
import { insertDocument, nextDocumentNumber } from '../repositories/petition-documents.ts';
import { appendEventsWithProjection, insertRegisteredPetition } from '../repositories/petition-events.ts';
import { dayMs, planLife } from './demo-lives.ts';
import { insertDemoPetitioner, type DemoActors } from './demo-people.ts';
import type { SeededUnits } from './demo-units.ts';
import { createSeededRandom, seededBytes } from './seeded-random.ts';
import type { SeedOptions } from './seed-options.ts';

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

/** Which department each demo topic goes to (same order as `demoTopics`). */
const topicDepartments = ['440304D01', '440304D02', '440304D06', '440304D07', '440304D02', '440304D06', '440304D01', '440304D08', '440304D13', '440304D05'];

/** The demo petitions, registered and walked through their lives, with the notices they issued. Returns how many. */
export async function seedDemoPetitions(db: Database, units: SeededUnits, actors: DemoActors, options: SeedOptions): Promise<number> {
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
      const petitioner = await insertDemoPetitioner(tx, options.keys, index);
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
              matter: { petitionId, trackingCode, summary: topic, receivedAt, isCollective: false, headcount: 1, petitionerName: petitioner.name },
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
          accusedUnitIds: [],
          accusedStaffIds: [],
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
