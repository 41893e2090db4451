import { createHash } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Executor } from '../database.ts';
import type { NewPetition, PetitionEventsTable, PetitionersTable } from '../schema.ts';
import { appendAudits, type AuditEntry, type PrecedingWrite } from './audit.ts';

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
 * Writes kiosk submissions — petitioners, representatives, petitions, first events, photos and their audit records —
 * as one statement, which is atomic without a transaction: one round trip and one commit for the whole batch (see
 * `BatchedWriter` in the API), and all or nothing. The tables' checks refuse non-images and oversize photos; the
 * petition's unique idempotency key refuses a second submission of the same key (two in one batch included: the whole
 * statement fails, and the writer retries each alone). The caller stores the submission's hash beside its key.
 */
export async function insertKioskSubmissions(db: Executor, batch: readonly KioskSubmissionRows[]): Promise<void> {
  if (batch.length === 0) return;
  const writes: PrecedingWrite[] = [
    { name: 'new_petitioners', query: db.insertInto('petitioners').values(batch.flatMap((rows) => [rows.petitioner, ...rows.representatives])) },
    { name: 'new_petitions', query: db.insertInto('petitions').values(batch.map((rows) => rows.petition)) },
    { name: 'new_events', query: db.insertInto('petition_events').values(batch.map((rows) => rows.firstEvent)) },
  ];
  const links = batch.flatMap((rows) =>
    rows.representatives.map((person) => ({ petition_id: rows.petition.id, petitioner_id: person.id, is_representative: true })),
  );
  if (links.length > 0) writes.push({ name: 'new_representatives', query: db.insertInto('petition_petitioners').values(links) });
  const attachments = batch.flatMap((rows) =>
    rows.attachments.map((attachment, position) => ({
      petition_id: rows.petition.id,
      position,
      content_type: attachment.contentType,
      size_bytes: attachment.data.byteLength,
      sha256: createHash('sha256').update(attachment.data).digest('hex'),
      data: Buffer.from(attachment.data),
    })),
  );
  if (attachments.length > 0) writes.push({ name: 'new_attachments', query: db.insertInto('petition_attachments').values(attachments) });
  await appendAudits(
    db,
    batch.map((rows) => rows.audit),
    writes,
  );
}

/** The petition a kiosk idempotency key was first used for: its receipt and the hash of the submission it carried. */
export async function findKioskSubmissionByKey(
  db: Executor,
  idempotencyKey: string,
): Promise<{ tracking_code: string; received_at: Date | string; idempotency_payload_hash: string | null } | undefined> {
  return db.selectFrom('petitions').select(['tracking_code', 'received_at', 'idempotency_payload_hash']).where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
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
