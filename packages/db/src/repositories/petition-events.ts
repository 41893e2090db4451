import { finishedStatuses } from '@xinfang/domain/casework/queues';
import { sql, type SqlBool } from 'kysely';
import type { DatabaseTransaction, Executor } from '../database.ts';
import type { NewPetition } from '../schema.ts';

/** One stored event as the workflow service reads it back. */
export interface StoredEventRow {
  sequence: number;
  type: string;
  actor_id: string | null;
  actor_role: string | null;
  actor_unit_id: string | null;
  occurred_at: Date;
  payload: unknown;
}

export interface EventToAppend {
  type: string;
  actorId: string | null;
  actorRole: string | null;
  actorUnitId: string | null;
  occurredAt: Date;
  payload: unknown;
}

/** The projection a workflow step writes next to its events. */
export interface PetitionProjection {
  status: string;
  petitionClass: string | null;
  claimRoute: string | null;
  handlingUnitId: string | null;
  responsiblePath: string | null;
  /** An accusation's accused parties (empty for other matters): what the firewall reads in lists. */
  accusedUnitIds: readonly string[];
  accusedStaffIds: readonly string[];
  dueAt: Date | null;
  light: string | null;
  clocks: unknown;
}

export async function findPetitionRow(db: Executor, id: string) {
  return db.selectFrom('petitions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A petition's log in order. */
export async function listPetitionEvents(db: Executor, petitionId: string): Promise<StoredEventRow[]> {
  return db
    .selectFrom('petition_events')
    .select(['sequence', 'type', 'actor_id', 'actor_role', 'actor_unit_id', 'occurred_at', 'payload'])
    .where('petition_id', '=', petitionId)
    .orderBy('sequence')
    .execute();
}

/**
 * Optimistic concurrency: moves the petition from `expectedVersion` to `expectedVersion + events.length`, writing the
 * projection, then appends the events. Returns false (and writes nothing) when someone else moved it first; under
 * PostgreSQL's row lock the loser of a race re-reads the row and matches no version.
 */
export async function appendEventsWithProjection(
  tx: DatabaseTransaction,
  petitionId: string,
  expectedVersion: number,
  events: readonly EventToAppend[],
  projection: PetitionProjection,
  now: Date,
): Promise<boolean> {
  const updated = await tx
    .updateTable('petitions')
    .set({
      version: expectedVersion + events.length,
      status: projection.status,
      petition_class: projection.petitionClass,
      claim_route: projection.claimRoute,
      handling_unit_id: projection.handlingUnitId,
      responsible_path: projection.responsiblePath,
      accused_unit_ids: [...projection.accusedUnitIds],
      accused_staff_ids: [...projection.accusedStaffIds],
      due_at: projection.dueAt,
      light: projection.light,
      clocks: JSON.stringify(projection.clocks),
      updated_at: now,
    })
    .where('id', '=', petitionId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return false;
  await insertEvents(tx, petitionId, expectedVersion + 1, events);
  return true;
}

async function insertEvents(tx: DatabaseTransaction, petitionId: string, firstSequence: number, events: readonly EventToAppend[]): Promise<void> {
  if (events.length === 0) return;
  await tx
    .insertInto('petition_events')
    .values(
      events.map((event, index) => ({
        petition_id: petitionId,
        sequence: firstSequence + index,
        type: event.type,
        actor_id: event.actorId,
        actor_role: event.actorRole,
        actor_unit_id: event.actorUnitId,
        occurred_at: event.occurredAt,
        payload: JSON.stringify(event.payload),
      })),
    )
    .execute();
}

/** A new petition with its `registered` event, in the caller's transaction. */
export async function insertRegisteredPetition(tx: DatabaseTransaction, petition: NewPetition & { id: string }, event: EventToAppend): Promise<void> {
  await tx.insertInto('petitions').values(petition).execute();
  await insertEvents(tx, petition.id, 1, [event]);
}

/**
 * Rewrites only the clock projection (after a calendar change, or a new day) of the version it was computed from;
 * the version does not move. Returns false when the petition moved on meanwhile (its own step wrote fresh clocks).
 */
export async function updateClockProjection(
  db: Executor,
  petitionId: string,
  version: number,
  projection: Pick<PetitionProjection, 'dueAt' | 'light' | 'clocks'>,
): Promise<boolean> {
  const result = await db
    .updateTable('petitions')
    .set({ due_at: projection.dueAt, light: projection.light, clocks: JSON.stringify(projection.clocks) })
    .where('id', '=', petitionId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Open petitions whose clock projection was not computed on `today` (or never). */
export async function listStaleClockPetitionIds(db: Executor, today: string): Promise<string[]> {
  const rows = await db
    .selectFrom('petitions')
    .select('id')
    .where('status', 'not in', finishedStatuses)
    .where(sql<SqlBool>`(clocks is null or clocks->>'computedOn' is distinct from ${today})`)
    .execute();
  return rows.map((row) => row.id);
}

/** Ids of every petition not in a final status (their clocks may still move). */
export async function listOpenPetitionIds(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('petitions').select('id').where('status', 'not in', finishedStatuses).execute();
  return rows.map((row) => row.id);
}
