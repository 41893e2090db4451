import { sql, type Expression, type SqlBool } from 'kysely';

/** Who may see which petitions in queues: the reader's unit path and unit (for the accusation firewall). */
export interface QueueScope {
  unitPath: string;
  unitId: string;
}

/**
 * In the reader's jurisdiction by path (where it arose, or the unit handling it), or escalated to the reader's unit
 * for review or recheck: a unit above the deployment's root (the city) sees only the matters appealed to it.
 * The appealed-to arm is `= any(array(…))`, not `in (…)`: an `in` sub-query becomes a hashed sub-plan that no index
 * can serve, so PostgreSQL could not combine the two path-prefix indexes and read every matter of the statuses asked
 * for; as an array it is one more index arm of a BitmapOr (EXPLAIN in docs/benchmarks.md).
 */
export function scopeCondition(scope: QueueScope): Expression<SqlBool> {
  const [byScope, byResponsible, appealedTo] = jurisdictionArms(scope);
  return sql<SqlBool>`((${byScope} or ${byResponsible} or ${appealedTo}) and not ${accusesReader(scope)})`;
}

/** Where it arose, who handles it, or appealed to the reader's unit: a matter in any of them is in the jurisdiction. */
export function jurisdictionArms(scope: QueueScope): [Expression<SqlBool>, Expression<SqlBool>, Expression<SqlBool>] {
  const prefix = `${scope.unitPath}%`;
  return [
    sql<SqlBool>`p.scope_path like ${prefix}`,
    sql<SqlBool>`p.responsible_path like ${prefix}`,
    sql<SqlBool>`p.id = any(array(select e.petition_id from petition_events e
    where e.type in ('reviewRequested', 'recheckRequested')
      and (e.payload->>'reviewingUnitId' = ${scope.unitId} or e.payload->>'recheckingUnitId' = ${scope.unitId})))`,
  ];
}

/** The accusation firewall: an accusation against the reader's unit is never in its queues. */
export function accusesReader(scope: QueueScope): Expression<SqlBool> {
  return sql<SqlBool>`(p.petition_class = 'accusation' and p.accused_unit_id is not null and p.accused_unit_id = ${scope.unitId}::uuid)`;
}

