import { createHash } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Executor } from '../database.ts';
import type { NewPetition, PetitionEventsTable, PetitionersTable } from '../schema.ts';
import { appendAudit, type AuditEntry, type PrecedingWrite } from './audit.ts';

export interface NewAttachment {
  contentType: string;
  data: Uint8Array;
}

export interface KioskSubmissionRows {
  /** The petitioner (ids chosen by the caller, so the petition can name it in the same statement). */
  petitioner: Insertable<PetitionersTable> & { id: string };
  /** A collective matter's representatives, linked to the petition. */
  representatives: readonly (Insertable<PetitionersTable> & { id: string })[];
  petition: NewPetition & { id: string };
  firstEvent: Insertable<PetitionEventsTable>;
  attachments: readonly NewAttachment[];
  audit: AuditEntry;
}

/**
 * Writes a kiosk submission — petitioner, representatives, petition, first event, photos and the audit record — as
 * one statement, which is atomic without a transaction: one round trip to the database. The tables' checks refuse
 * non-images and oversize photos; the petition's unique idempotency key refuses a second submission of the same key.
 */
export async function insertKioskSubmission(db: Executor, rows: KioskSubmissionRows): Promise<void> {
  const petitionId = rows.petition.id;
  const writes: PrecedingWrite[] = [
    { name: 'new_petitioners', query: db.insertInto('petitioners').values([rows.petitioner, ...rows.representatives]) },
    { name: 'new_petition', query: db.insertInto('petitions').values(rows.petition) },
    { name: 'new_event', query: db.insertInto('petition_events').values(rows.firstEvent) },
  ];
  if (rows.representatives.length > 0) {
    const links = rows.representatives.map((person) => ({ petition_id: petitionId, petitioner_id: person.id, is_representative: true }));
    writes.push({ name: 'new_representatives', query: db.insertInto('petition_petitioners').values(links) });
  }
  if (rows.attachments.length > 0) {
    const attachments = rows.attachments.map((attachment, position) => ({
      petition_id: petitionId,
      position,
      content_type: attachment.contentType,
      size_bytes: attachment.data.byteLength,
      sha256: createHash('sha256').update(attachment.data).digest('hex'),
      data: Buffer.from(attachment.data),
    }));
    writes.push({ name: 'new_attachments', query: db.insertInto('petition_attachments').values(attachments) });
  }
  await appendAudit(db, rows.audit, writes);
}

export async function countAttachments(db: Executor, petitionId: string): Promise<number> {
  const row = await db
    .selectFrom('petition_attachments')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('petition_id', '=', petitionId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface PlaceRow {
  id: string;
  code: string;
  kind: string;
  name_zh: string;
  name_en: string;
  parent_id: string | null;
  path: string;
}

/** The streets and communities under a hall's unit path (a district hall lists all its streets; a street hall itself). */
export async function listPlacesUnder(db: Executor, hallPath: string): Promise<PlaceRow[]> {
  return db
    .selectFrom('units')
    .select(['id', 'code', 'kind', 'name_zh', 'name_en', 'parent_id', 'path'])
    .where('path', 'like', `${hallPath}%`)
    .where('kind', 'in', ['street', 'community'])
    .orderBy('code')
    .execute();
}
