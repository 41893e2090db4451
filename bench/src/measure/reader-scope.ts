import { randomUUID } from 'node:crypto';
import type { Executor } from '@xinfang/db/database';
import type { ReaderScope } from '@xinfang/db/repositories/petition-visibility';
import { listUnits } from '@xinfang/db/repositories/units';
import { firewallKeysOf } from '@xinfang/domain/permissions/petition-visibility';
import { UnitKind } from '@xinfang/domain/staff';

/** A reader at a unit, as the API builds it (jurisdiction path and the accusation firewall's keys), for timing lists. */
export async function readerScopeAt(db: Executor, unit: { id: string; path: string }): Promise<ReaderScope> {
  const tree = (await listUnits(db)).map((row) => ({ id: row.id, parentId: row.parent_id, kind: UnitKind.parse(row.kind) }));
  return { unitPath: unit.path, unitId: unit.id, firewall: firewallKeysOf({ staffId: randomUUID(), unitId: unit.id }, tree) };
}
