import { sql } from 'kysely';
import type { DatabaseTransaction, Executor } from '../database.ts';

/** The next number of a notice kind in a year; the row lock serialises concurrent issuers. */
export async function nextDocumentNumber(tx: DatabaseTransaction, kind: string, year: number): Promise<number> {
  const row = await tx
    .insertInto('document_serials')
    .values({ kind, year, last_number: 1 })
    .onConflict((conflict) => conflict.columns(['kind', 'year']).doUpdateSet({ last_number: sql<number>`document_serials.last_number + 1` }))
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return row.last_number;
}

export interface NewDocument {
  petitionId: string;
  kind: string;
  serialNumber: string;
  issuedAt: Date;
  issuedBy: string | null;
  issuingUnitId: string | null;
  eventSequence: number;
  content: unknown;
}

export async function insertDocument(tx: DatabaseTransaction, document: NewDocument): Promise<string> {
  const row = await tx
    .insertInto('petition_documents')
    .values({
      petition_id: document.petitionId,
      kind: document.kind,
      serial_number: document.serialNumber,
      issued_at: document.issuedAt,
      issued_by: document.issuedBy,
      issuing_unit_id: document.issuingUnitId,
      event_sequence: document.eventSequence,
      content: JSON.stringify(document.content),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listDocuments(db: Executor, petitionId: string) {
  return db
    .selectFrom('petition_documents')
    .select(['id', 'kind', 'serial_number', 'issued_at', 'content'])
    .where('petition_id', '=', petitionId)
    .orderBy('event_sequence')
    .execute();
}

export async function findDocument(db: Executor, id: string) {
  return db.selectFrom('petition_documents').selectAll().where('id', '=', id).executeTakeFirst();
}
