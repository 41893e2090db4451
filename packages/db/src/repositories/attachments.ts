import type { Executor } from '../database.ts';

export interface AttachmentRow {
  id: string;
  position: number;
  content_type: string;
  size_bytes: number;
  created_at: Date | string;
}

/** A petition's photos without their bytes, in the order they were attached (served by the (petition_id, position) key). */
export async function listAttachments(db: Executor, petitionId: string): Promise<AttachmentRow[]> {
  return db
    .selectFrom('petition_attachments')
    .select(['id', 'position', 'content_type', 'size_bytes', 'created_at'])
    .where('petition_id', '=', petitionId)
    .orderBy('position')
    .execute();
}

/** One photo's bytes, only if it belongs to the given petition. */
export async function findAttachmentData(db: Executor, petitionId: string, id: string): Promise<{ id: string; content_type: string; data: Uint8Array } | undefined> {
  return db
    .selectFrom('petition_attachments')
    .select(['id', 'content_type', 'data'])
    .where('id', '=', id)
    .where('petition_id', '=', petitionId)
    .executeTakeFirst();
}
