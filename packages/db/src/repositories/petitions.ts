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

/** What the visitor wrote and said about one matter, as stored: the free-text fields and the events that carry words. */
export interface VisitorStatementRows {
  respondent: string | null;
  request: string | null;
  kioskCategory: string | null;
  /** Ratings and review/recheck requests, oldest first. */
  events: { type: string; occurredAt: string; actorRole: string | null; payload: unknown }[];
}

/**
 * The visitor's own words for many matters at once (an export): whom it is about, what they want, the kiosk category,
 * and the rating and appeal events. The caller has already checked that the reader may see each of `petitionIds`.
 */
export async function listVisitorStatements(db: Executor, petitionIds: readonly string[]): Promise<Map<string, VisitorStatementRows>> {
  const statements = new Map<string, VisitorStatementRows>();
  if (petitionIds.length === 0) return statements;
  const ids = sql`${[...petitionIds]}::uuid[]`;
  const rows = await db
    .selectFrom('petitions')
    .select(['id', 'respondent', 'request', 'kiosk_category'])
    .where(sql<boolean>`id = any(${ids})`)
    .execute();
  for (const row of rows) statements.set(row.id, { respondent: row.respondent, request: row.request, kioskCategory: row.kiosk_category, events: [] });
  const events = await db
    .selectFrom('petition_events')
    .select(['petition_id', 'type', 'occurred_at', 'actor_role', 'payload'])
    .where(sql<boolean>`petition_id = any(${ids})`)
    .where('type', 'in', ['evaluationRecorded', 'reviewRequested', 'recheckRequested'])
    .orderBy('petition_id')
    .orderBy('sequence')
    .execute();
  for (const event of events) {
    statements.get(event.petition_id)?.events.push({ type: event.type, occurredAt: new Date(event.occurred_at).toISOString(), actorRole: event.actor_role, payload: event.payload });
  }
  return statements;
}
