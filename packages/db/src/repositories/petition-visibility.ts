import type { FirewallKeys } from '@xinfang/domain/permissions/petition-visibility';
import { sql, type Expression, type SqlBool } from 'kysely';

/**
 * Who reads a list of petitions: the reader's unit (jurisdiction by path) and their firewall keys (the domain's
 * `firewallKeysOf`). Every list of petitions — queues and their counts, the petitions list, search, related matters,
 * repeat candidates, exports — filters with {@link visibleToReader} (or its arms), the SQL form of the domain's
 * `checkAccess(…, 'petition.view', …)`, so no list can forget the accusation firewall.
 */
export interface ReaderScope {
  unitPath: string;
  unitId: string;
  firewall: FirewallKeys;
  /** Whether the reader's role may see who filed an accusation (`accuser.view`); absent means it may not. */
  mayViewAccusers?: boolean | undefined;
}

/**
 * In the reader's jurisdiction and not an accusation against them.
 * The appealed-to arm is `= any(array(…))`, not `in (…)`: an `in` sub-query becomes a hashed sub-plan that no index
 * can serve, so PostgreSQL could not combine the two path-prefix indexes and read every matter of the statuses asked
 * for; as an array it is one more index arm of a BitmapOr (EXPLAIN in docs/benchmarks.md).
 */
export function visibleToReader(scope: ReaderScope): Expression<SqlBool> {
  const [byScope, byResponsible, appealedTo] = jurisdictionArms(scope);
  return sql<SqlBool>`((${byScope} or ${byResponsible} or ${appealedTo}) and not ${accusesReader(scope)})`;
}

/**
 * Where it arose, who handles it (or took it up when it accused the unit below), or appealed to the reader's unit: a
 * matter in any of them is in the jurisdiction. A unit above the deployment's root (the city) sees only the matters
 * appealed or escalated to it.
 */
export function jurisdictionArms(scope: Pick<ReaderScope, 'unitPath' | 'unitId'>): [Expression<SqlBool>, Expression<SqlBool>, Expression<SqlBool>] {
  const prefix = `${scope.unitPath}%`;
  return [
    sql<SqlBool>`p.scope_path like ${prefix}`,
    sql<SqlBool>`p.responsible_path like ${prefix}`,
    sql<SqlBool>`p.id = any(array(select e.petition_id from petition_events e
    where e.type in ('reviewRequested', 'recheckRequested')
      and (e.payload->>'reviewingUnitId' = ${scope.unitId} or e.payload->>'recheckingUnitId' = ${scope.unitId})))`,
  ];
}

/**
 * The accusation firewall (the domain's `isAccusedReader`): an accusation naming the reader, or naming their unit or
 * any unit above it (an accused unit is accused with every unit below it). Served by the partial GIN indexes on the
 * accused lists.
 */
export function accusesReader(scope: Pick<ReaderScope, 'firewall'>): Expression<SqlBool> {
  const { coveringUnitIds, staffId } = scope.firewall;
  return sql<SqlBool>`(p.petition_class = 'accusation' and (p.accused_unit_ids && ${[...coveringUnitIds]}::uuid[] or p.accused_staff_ids @> array[${staffId}::uuid]))`;
}

/**
 * Of a matter the reader may see (see {@link visibleToReader}): whether they may also see who filed it — any matter
 * but an accusation, and an accusation only with `accuser.view`. The SQL form of the domain's `mayViewFiler`, for a
 * list that shows or searches by the filer's name.
 */
export function filerVisibleToReader(scope: Pick<ReaderScope, 'mayViewAccusers'>): Expression<SqlBool> {
  return scope.mayViewAccusers === true ? sql<SqlBool>`true` : sql<SqlBool>`(p.petition_class is distinct from 'accusation')`;
}
