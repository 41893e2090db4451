import { PetitionListItem, type PageCursor } from '@xinfang/domain/petition';
import { sql } from 'kysely';
import type { DatabaseTransaction, Executor } from '../database.ts';
import { visibleToReader, type ReaderScope } from './petition-visibility.ts';
import type { NewPetition } from '../schema.ts';

export interface NewPetitionEvent {
  type: string;
  actorId: string | null;
  actorRole: string | null;
  occurredAt: Date;
  payload: Record<string, unknown>;
}

/** Inserts a petition and its first event in the caller's transaction. Returns the new id. */
export async function insertPetitionWithEvent(tx: DatabaseTransaction, petition: NewPetition, event: NewPetitionEvent): Promise<string> {
  const { id } = await tx.insertInto('petitions').values(petition).returning('id').executeTakeFirstOrThrow();
  await tx
    .insertInto('petition_events')
    .values({
      petition_id: id,
      sequence: 1,
      type: event.type,
      actor_id: event.actorId,
      actor_role: event.actorRole,
      occurred_at: event.occurredAt,
      payload: JSON.stringify(event.payload),
    })
    .execute();
  return id;
}

export async function findPetitionByIdempotencyKey(db: Executor, key: string) {
  return db
    .selectFrom('petitions')
    .select(['id', 'tracking_code', 'received_at', 'status'])
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export interface PetitionListFilter {
  /** Who reads: jurisdiction and the accusation firewall (the one visibility rule). */
  reader: ReaderScope;
  statuses?: readonly string[] | undefined;
  limit: number;
  after?: PageCursor | undefined;
}

/** A keyset page of petitions, newest first, parsed as domain list items. */
export async function listPetitions(db: Executor, filter: PetitionListFilter): Promise<{ items: PetitionListItem[]; total: number }> {
  let query = db
    .selectFrom('petitions as p')
    .innerJoin('petitioners as pr', 'pr.id', 'p.petitioner_id')
    .innerJoin('units as h', 'h.id', 'p.hall_unit_id')
    .where(visibleToReader(filter.reader));
  if (filter.statuses?.length) query = query.where('p.status', 'in', filter.statuses);
  const totalRow = await query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  let pageQuery = query;
  if (filter.after) {
    const after = filter.after;
    pageQuery = pageQuery.where(sql<boolean>`(p.received_at, p.id) < (${new Date(after.receivedAt)}::timestamptz, ${after.id}::uuid)`);
  }
  const rows = await pageQuery
    .select([
      'p.id',
      'p.tracking_code',
      'p.status',
      'p.channel',
      'p.kiosk_assisted',
      'p.summary',
      'p.petition_class',
      'pr.name as petitioner_name',
      'pr.mobile_masked',
      'h.name_zh as hall_name',
      'p.received_at',
      'p.due_at',
      'p.light',
      'p.version',
    ])
    .orderBy('p.received_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(filter.limit)
    .execute();
  const items = rows.map((row) =>
    PetitionListItem.parse({
      id: row.id,
      trackingCode: row.tracking_code,
      status: row.status,
      channel: row.channel,
      kioskAssisted: row.kiosk_assisted,
      summary: row.summary,
      petitionClass: row.petition_class,
      petitionerName: row.petitioner_name,
      mobileMasked: row.mobile_masked,
      hallName: row.hall_name,
      receivedAt: new Date(row.received_at).toISOString(),
      dueAt: row.due_at ? new Date(row.due_at).toISOString() : null,
      light: row.light,
      version: row.version,
    }),
  );
  return { items, total: Number(totalRow.total) };
}
