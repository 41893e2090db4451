import { decryptPersonalData, encryptPersonalData, keyIdOf, type PersonalDataKeys } from '@xinfang/security/personal-data';
import { sql } from 'kysely';
import type { Database } from '../database.ts';

/** Every column that holds a value sealed by `encryptPersonalData`. A new encrypted column must be added here. */
export const encryptedColumns = ['id_number_cipher', 'mobile_cipher', 'address_cipher'] as const;

export interface RotationProgress {
  rowsScanned: number;
  valuesReEncrypted: number;
  /** Values written concurrently by the application between our read and our write: left as they were (already current). */
  valuesSkipped: number;
}

/**
 * Re-encrypts every personal-data value not sealed with the current key, in batches of `batchSize` rows, one short
 * transaction per batch, so the application keeps running: it reads both old and new values throughout (the old
 * key stays in XINFANG_DATA_KEYS after the new one until this has finished). A value changed by the application
 * between our read and our write is left alone (the update matches on the old ciphertext). Keyed hashes do not change.
 */
export async function reEncryptPersonalData(
  db: Database,
  keys: PersonalDataKeys,
  options: { batchSize?: number; onBatch?: (progress: RotationProgress) => void | Promise<void> } = {},
): Promise<RotationProgress> {
  const batchSize = options.batchSize ?? 500;
  const currentPrefix = `v1.${keys.current.id}.`;
  const progress: RotationProgress = { rowsScanned: 0, valuesReEncrypted: 0, valuesSkipped: 0 };
  let afterId = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db
      .selectFrom('petitioners')
      .select(['id', ...encryptedColumns])
      .where('id', '>', afterId)
      .where((eb) => eb.or(encryptedColumns.map((column) => eb.and([eb(column, 'is not', null), eb(column, 'not like', `${currentPrefix}%`)]))))
      .orderBy('id')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) break;
    await db.transaction().execute(async (tx) => {
      for (const row of rows) {
        for (const column of encryptedColumns) {
          const sealed = row[column];
          if (!sealed || keyIdOf(sealed) === keys.current.id) continue;
          const resealed = encryptPersonalData(keys, decryptPersonalData(keys, sealed));
          const result = await tx
            .updateTable('petitioners')
            .set({ [column]: resealed })
            .where('id', '=', row.id)
            .where(sql.ref(column), '=', sealed)
            .executeTakeFirst();
          if (Number(result.numUpdatedRows) === 1) progress.valuesReEncrypted++;
          else progress.valuesSkipped++;
        }
      }
    });
    progress.rowsScanned += rows.length;
    afterId = rows.at(-1)!.id;
    await options.onBatch?.({ ...progress });
  }
  return progress;
}

/** How many values each key id still seals: the old key may be removed when it seals none. */
export async function countValuesByKey(db: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const column of encryptedColumns) {
    const rows = await db
      .selectFrom('petitioners')
      .select([sql<string>`split_part(${sql.ref(column)}, '.', 2)`.as('key_id'), (eb) => eb.fn.countAll<string>().as('n')])
      .where(column, 'is not', null)
      .groupBy(sql`split_part(${sql.ref(column)}, '.', 2)`)
      .execute();
    for (const row of rows) counts[row.key_id] = (counts[row.key_id] ?? 0) + Number(row.n);
  }
  return counts;
}
