import { sql, type SqlBool } from 'kysely';
import type { DatabaseTransaction, Executor } from '../database.ts';

/** A stored record as the mechanism reads it back; the service parses `payload` with the kind's schema. */
export interface StoredRecord {
  id: string;
  kind: string;
  unitId: string;
  unitPath: string;
  version: number;
  occurredAt: Date;
  payload: unknown;
  facets: Record<string, unknown>;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface RecordChange {
  actorId: string;
  actorRole: string;
  occurredAt: Date;
  /** The payload fields that changed (never their values: health data must stay erasable). */
  fields: readonly string[];
}

function toStored(row: {
  id: string;
  kind: string;
  unit_id: string;
  unit_path: string;
  version: number;
  occurred_at: Date;
  payload: unknown;
  facets: Record<string, unknown>;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}): StoredRecord {
  return {
    id: row.id,
    kind: row.kind,
    unitId: row.unit_id,
    unitPath: row.unit_path,
    version: row.version,
    occurredAt: new Date(row.occurred_at),
    payload: row.payload,
    facets: row.facets,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

/** A new record and its `created` event, in the caller's transaction. */
export async function insertRecord(
  tx: DatabaseTransaction,
  record: { id: string; kind: string; unitId: string; unitPath: string; occurredAt: Date; payload: unknown; facets: Record<string, unknown> },
  change: RecordChange,
): Promise<void> {
  await tx
    .insertInto('records')
    .values({
      id: record.id,
      kind: record.kind,
      unit_id: record.unitId,
      unit_path: record.unitPath,
      occurred_at: record.occurredAt,
      payload: JSON.stringify(record.payload),
      facets: JSON.stringify(record.facets),
      created_by: change.actorId,
      created_at: change.occurredAt,
      updated_at: change.occurredAt,
    })
    .execute();
  await insertRecordEvent(tx, record.id, 1, 'created', change);
}

/**
 * Moves a record from `expectedVersion` to the next with a new payload, and appends the `updated` event. Returns false
 * (writing nothing) when someone else changed it first.
 */
export async function updateRecord(
  tx: DatabaseTransaction,
  id: string,
  expectedVersion: number,
  record: { occurredAt: Date; payload: unknown; facets: Record<string, unknown> },
  change: RecordChange,
): Promise<boolean> {
  const result = await tx
    .updateTable('records')
    .set({ version: expectedVersion + 1, occurred_at: record.occurredAt, payload: JSON.stringify(record.payload), facets: JSON.stringify(record.facets), updated_at: change.occurredAt })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await insertRecordEvent(tx, id, expectedVersion + 1, 'updated', change);
  return true;
}

async function insertRecordEvent(tx: DatabaseTransaction, recordId: string, sequence: number, type: string, change: RecordChange): Promise<void> {
  await tx
    .insertInto('record_events')
    .values({ record_id: recordId, sequence, type, actor_id: change.actorId, actor_role: change.actorRole, occurred_at: change.occurredAt, payload: JSON.stringify({ fields: change.fields }) })
    .execute();
}

/** One record of a kind (undefined when there is none of that kind with this id). */
export async function findRecord(db: Executor, kind: string, id: string): Promise<StoredRecord | undefined> {
  const row = await db.selectFrom('records').selectAll().where('id', '=', id).where('kind', '=', kind).executeTakeFirst();
  return row ? toStored(row) : undefined;
}

/** A record's history: who changed which fields when. */
export async function listRecordEvents(db: Executor, recordId: string) {
  return db.selectFrom('record_events').select(['sequence', 'type', 'actor_id', 'actor_role', 'occurred_at', 'payload']).where('record_id', '=', recordId).orderBy('sequence').execute();
}

export interface RecordListFilter {
  kind: string;
  /** Jurisdiction: records made at the reader's unit or below it. */
  unitPath: string;
  /** Facet equality filters (the kind declares which). */
  facets?: Record<string, string | number | boolean> | undefined;
  occurredFrom?: Date | undefined;
  occurredBefore?: Date | undefined;
  limit: number;
  after?: { occurredAt: string; id: string } | undefined;
}

/** A keyset page of a kind's records in the reader's jurisdiction, newest first, with the total. */
export async function listRecords(db: Executor, filter: RecordListFilter): Promise<{ items: StoredRecord[]; total: number }> {
  let query = db.selectFrom('records').where('kind', '=', filter.kind).where('unit_path', 'like', `${filter.unitPath}%`);
  if (filter.facets && Object.keys(filter.facets).length > 0) query = query.where(sql<SqlBool>`facets @> ${JSON.stringify(filter.facets)}::jsonb`);
  if (filter.occurredFrom) query = query.where('occurred_at', '>=', filter.occurredFrom);
  if (filter.occurredBefore) query = query.where('occurred_at', '<', filter.occurredBefore);
  const counted = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  let page = query.selectAll();
  if (filter.after) page = page.where(sql<SqlBool>`(occurred_at, id) < (${new Date(filter.after.occurredAt)}::timestamptz, ${filter.after.id}::uuid)`);
  const rows = await page.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
  return { items: rows.map(toStored), total: Number(counted.n) };
}

/** The facets of a kind's records that link this petition (payload `petitionIds`): what a petition may show of them. */
export async function listLinkedRecordFacets(db: Executor, kind: string, petitionId: string): Promise<Record<string, unknown>[]> {
  const rows = await db
    .selectFrom('records')
    .select('facets')
    .where('kind', '=', kind)
    .where(sql<SqlBool>`payload->'petitionIds' @> ${JSON.stringify([petitionId])}::jsonb`)
    .execute();
  return rows.map((row) => row.facets);
}
