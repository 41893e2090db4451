import { randomBytes } from 'node:crypto';
import type { Database } from '@xinfang/db/database';
import { ensureStaff } from '@xinfang/db/repositories/staff';
import { seedDemoData } from '@xinfang/db/seed';
import type { UnitTree } from '@xinfang/domain/units/unit-tree';
import type { EventActor } from '@xinfang/domain/workflow/petition-event';
import { hashPassword } from '@xinfang/security/password';
import type { PersonalDataKeys } from '@xinfang/security/personal-data';
import type { Setting, StreetPlace } from './dataset.ts';

/**
 * Prepares a migrated, empty database for the generator: the demo units and accounts (so the server's demo mode
 * finds them), 200 demo petitions, and one synthetic handler and head per department plus a district-level reviewer.
 * The synthetic accounts get an unusable random password.
 */
export async function prepareSetting(db: Database, keys: PersonalDataKeys, asOf: Date): Promise<Setting> {
  await seedDemoData(db, { now: asOf, keys, hashPassword, petitions: 200 });
  const units = await db.selectFrom('units').selectAll().orderBy('code').execute();
  const district = units.find((unit) => unit.code === '440304')!;
  const departments = units.filter((unit) => unit.kind === 'department' && unit.parent_id === district.id);
  const unusable = await hashPassword(randomBytes(32).toString('base64'));
  const staff = async (username: string, displayName: string, role: string, unitId: string): Promise<EventActor> => {
    const row = await ensureStaff(db, { username, displayName, role, unitId, passwordHash: unusable });
    return { staffId: row.id, role: row.role as EventActor['role'], unitId: row.unit_id };
  };
  const demo = async (username: string): Promise<EventActor> => {
    const row = await db.selectFrom('staff').select(['id', 'role', 'unit_id']).where('username', '=', username).executeTakeFirstOrThrow();
    return { staffId: row.id, role: row.role as EventActor['role'], unitId: row.unit_id };
  };
  const handlers: EventActor[] = [];
  const heads: EventActor[] = [];
  for (const department of departments) {
    const suffix = department.code.slice(-3);
    handlers.push(await staff(`bench-handler-${suffix}`, `合成承办人${suffix}`, 'departmentHandler', department.id));
    heads.push(await staff(`bench-head-${suffix}`, `合成负责人${suffix}`, 'departmentHead', department.id));
  }
  const officer = await demo('reception');
  const streets: StreetPlace[] = units
    .filter((unit) => unit.kind === 'street' && unit.parent_id === district.id)
    .map((street) => ({
      id: street.id,
      path: street.path,
      nameZh: street.name_zh,
      communities: units.filter((unit) => unit.parent_id === street.id).map((community) => ({ id: community.id, path: community.path, nameZh: community.name_zh })),
    }));
  const unitTree: UnitTree = units.map((unit) => ({ id: unit.id, parentId: unit.parent_id, kind: unit.kind as UnitTree[number]['kind'] }));
  return {
    district: { id: district.id, path: district.path, nameZh: district.name_zh },
    streets,
    officerId: officer.staffId!,
    cast: {
      officer,
      lawyer: await demo('lawyer'),
      mediator: await demo('mediator'),
      districtReviewer: await staff('bench-reviewer', '合成复查人', 'departmentHead', district.id),
      handlers,
      heads,
      departmentIds: departments.map((department) => department.id),
      departmentPaths: departments.map((department) => department.path),
      districtId: district.id,
      districtPath: district.path,
      unitTree,
    },
  };
}
