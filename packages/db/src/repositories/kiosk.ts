import { createHash } from 'node:crypto';
import type { DatabaseTransaction, Executor } from '../database.ts';

export interface NewAttachment {
  contentType: string;
  data: Uint8Array;
}

/** Stores a petition's photos in the caller's transaction (the table's checks refuse non-images and oversize data). */
export async function insertAttachments(tx: DatabaseTransaction, petitionId: string, attachments: readonly NewAttachment[]): Promise<void> {
  if (attachments.length === 0) return;
  await tx
    .insertInto('petition_attachments')
    .values(
      attachments.map((attachment, position) => ({
        petition_id: petitionId,
        position,
        content_type: attachment.contentType,
        size_bytes: attachment.data.byteLength,
        sha256: createHash('sha256').update(attachment.data).digest('hex'),
        data: Buffer.from(attachment.data),
      })),
    )
    .execute();
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
