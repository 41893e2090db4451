import { generateTrackingCode } from '@xinfang/domain/tracking-code';
import type { Role } from '@xinfang/domain/staff';
import { protectMobile, type PersonalDataKeys } from '@xinfang/security/personal-data';
import { sql } from 'kysely';
import type { Database } from '../database.ts';
import { insertPetitionWithEvent } from '../repositories/petitions.ts';
import { ensureStaff } from '../repositories/staff.ts';
import { ensureUnit } from '../repositories/units.ts';
import type { UnitRow } from '../schema.ts';
import { departments, district, streets } from './reference-units.ts';

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
  district: UnitRow;
  streets: UnitRow[];
  communities: UnitRow[];
  departments: UnitRow[];
}

/** The unit tree (district → streets → communities, plus departments). Idempotent. */
export async function seedUnits(db: Database): Promise<SeededUnits> {
  const districtRow = await ensureUnit(db, { ...district, kind: 'district' });
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
  return { district: districtRow, streets: streetRows, communities: communityRows, departments: departmentRows };
}

/**
 * The demo data set: units, one staff account per role, and clearly synthetic petitions over the last 12 months
 * (petitioners named "演示信访人NNN", mobile numbers 1990000NNNN, every text marked 【演示数据】).
 * Safe to run again: units and accounts are upserted, petitions only added when none exist yet.
 */
export async function seedDemoData(db: Database, options: SeedOptions): Promise<SeedResult> {
  const units = await seedUnits(db);
  const unitByCode = new Map([units.district, ...units.streets, ...units.communities, ...units.departments].map((unit) => [unit.code, unit]));
  const staffIds: string[] = [];
  for (const account of demoAccounts) {
    const existing = await db.selectFrom('staff').select('id').where('username', '=', account.username).executeTakeFirst();
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
  }

  const already = await db
    .selectFrom('petitions')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('content', 'like', '【演示数据】%')
    .executeTakeFirstOrThrow();
  let petitionsCreated = 0;
  if (Number(already.count) === 0) {
    petitionsCreated = await seedDemoPetitions(db, units, options);
  }
  const unitCount = await db.selectFrom('units').select(sql<string>`count(*)`.as('count')).executeTakeFirstOrThrow();
  return { units: Number(unitCount.count), staff: staffIds.length, petitionsCreated };
}

async function seedDemoPetitions(db: Database, units: SeededUnits, options: SeedOptions): Promise<number> {
  const random = createSeededRandom(440304);
  const bytes = seededBytes(random);
  const total = options.petitions ?? 200;
  const yearMs = 365 * 24 * 3600 * 1000;
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
      const receivedAt = new Date(options.now.getTime() - Math.floor(random() * yearMs));
      const topic = demoTopics[Math.floor(random() * demoTopics.length)]!;
      const online = random() < 0.9;
      const content = `【演示数据】${street.name_zh}：${topic}。（第${number}号合成样例，非真实信访）`;
      await insertPetitionWithEvent(
        tx,
        {
          tracking_code: generateTrackingCode(bytes),
          status: 'registered',
          channel: online ? 'online' : 'visit',
          kiosk_assisted: online,
          summary: topic,
          content,
          petitioner_id: petitioner.id,
          hall_unit_id: atStreetHall ? street.id : units.district.id,
          street_unit_id: street.id,
          scope_path: street.path,
          received_at: receivedAt,
          registered_at: receivedAt,
          updated_at: receivedAt,
        },
        { type: 'registered', actorId: null, actorRole: null, occurredAt: receivedAt, payload: { channel: online ? 'online' : 'visit', demo: true } },
      );
    }
  });
  return total;
}
