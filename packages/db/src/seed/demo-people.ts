import { randomBytes } from 'node:crypto';
import type { Role } from '@xinfang/domain/staff';
import type { EventActor } from '@xinfang/domain/workflow/petition-event';
import { protectMobile, type PersonalDataKeys } from '@xinfang/security/personal-data';
import type { Database, DatabaseTransaction } from '../database.ts';
import { ensureStaff } from '../repositories/staff.ts';
import type { SeededUnits } from './demo-units.ts';
import { city, district } from './reference-units.ts';
import type { SeedOptions } from './seed-options.ts';

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
  { username: 'studiohead', password: 'Demo-studiohead-2026', role: 'studioHead', displayName: '心访工作室负责人（演示）', unitCode: district.code },
  { username: 'halllead', password: 'Demo-halllead-2026', role: 'hallLead', displayName: '接待厅负责人（演示）', unitCode: district.code },
  { username: 'street-leader', password: 'Demo-street-leader-2026', role: 'streetLeader', displayName: '南园街道领导（演示）', unitCode: '440304001000' },
];

/** The demo accounts as event actors, by username. An account that already exists is left as it is (password included). */
export async function seedDemoAccounts(db: Database, units: SeededUnits, options: SeedOptions): Promise<Map<string, EventActor>> {
  const unitByCode = new Map([units.city, units.district, ...units.streets, ...units.communities, ...units.departments].map((unit) => [unit.code, unit]));
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
    actors.set(account.username, { staffId: staff.id, role: staff.role as Role, unitId: staff.unit_id });
  }
  return actors;
}

/** The demo actors: the demo accounts by username, plus a handler and a head for each department. */
export interface DemoActors {
  byUsername: Map<string, EventActor>;
  handlerOf: Map<string, EventActor>;
  headOf: Map<string, EventActor>;
}

/**
 * A handler and a head for every department other than the housing bureau (which has the demo `handler` and
 * `depthead`), so matters routed there have real people on their events. They get an unusable random password: an
 * administrator can reset one to sign in.
 */
export async function departmentStaff(db: Database, units: SeededUnits, byUsername: Map<string, EventActor>, options: SeedOptions): Promise<DemoActors> {
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

/** Demo petitioner number `index` ("演示信访人NNN", mobile 1990000NNNN), the mobile stored only protected. */
export async function insertDemoPetitioner(tx: DatabaseTransaction, keys: PersonalDataKeys, index: number): Promise<{ id: string; name: string }> {
  const name = `演示信访人${String(index).padStart(3, '0')}`;
  const protectedMobile = protectMobile(keys, `1990000${String(index).padStart(4, '0')}`);
  const petitioner = await tx
    .insertInto('petitioners')
    .values({
      kind: 'person',
      name,
      mobile_cipher: protectedMobile.cipher,
      mobile_hash: protectedMobile.hash,
      mobile_masked: protectedMobile.masked,
      mobile_last4_hash: protectedMobile.last4Hash,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: petitioner.id, name };
}
