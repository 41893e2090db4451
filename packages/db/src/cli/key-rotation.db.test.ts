import { decryptPersonalData, encryptPersonalData, generateKeyMaterial, keyIdOf, parseKeys, protectIdNumber, protectMobile } from '@xinfang/security/personal-data';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../testing/test-database.ts';
import { countValuesByKey, reEncryptPersonalData } from './key-rotation.ts';

const test = useTestDatabase();

function material(id: string) {
  const generated = generateKeyMaterial();
  return { ...generated, id };
}

describe('key rotation', () => {
  it('re-encrypts old values in batches while old and new values stay readable, and leaves hashes alone', async () => {
    const oldKey = material('k2025');
    const newKey = material('k2026');
    const oldKeys = parseKeys(`${oldKey.id}:${oldKey.key}`, oldKey.hashKey);
    // during the rotation: the new key first (writes), the old one still readable
    const rotating = parseKeys(`${newKey.id}:${newKey.key},${oldKey.id}:${oldKey.key}`, oldKey.hashKey);

    const mobiles = Array.from({ length: 23 }, (_, index) => `1990000${String(index).padStart(4, '0')}`);
    for (const [index, mobile] of mobiles.entries()) {
      const keysForRow = index % 4 === 0 ? rotating : oldKeys; // some rows already written with the new key
      const sealedMobile = protectMobile(keysForRow, mobile);
      const sealedId = index === 0 ? protectIdNumber(keysForRow, '11010519491231002X') : undefined;
      await test.db
        .insertInto('petitioners')
        .values({
          kind: 'person',
          name: `演示信访人${index}`,
          mobile_cipher: sealedMobile.cipher,
          mobile_hash: sealedMobile.hash,
          mobile_masked: sealedMobile.masked,
          id_number_cipher: sealedId?.cipher ?? null,
          id_number_hash: sealedId?.hash ?? null,
          address_cipher: index === 5 ? encryptPersonalData(oldKeys, '演示地址：福田区示例路1号') : null,
        })
        .execute();
    }
    const hashesBefore = await test.db.selectFrom('petitioners').select(['id', 'mobile_hash', 'id_number_hash']).orderBy('id').execute();
    const before = await countValuesByKey(test.db);
    expect(before.k2025).toBeGreaterThan(0);
    expect(before.k2026).toBeGreaterThan(0);

    const batches: number[] = [];
    const keyIdsMidway: number[] = [];
    const progress = await reEncryptPersonalData(test.db, rotating, {
      batchSize: 5,
      onBatch: async () => {
        batches.push(1);
        // between batches the table holds both old and new values: all readable with the rotating key set
        const midway = await test.db.selectFrom('petitioners').select('mobile_cipher').execute();
        const keyIds = new Set(midway.map((row) => keyIdOf(row.mobile_cipher!)));
        keyIdsMidway.push(keyIds.size);
        for (const row of midway) expect(decryptPersonalData(rotating, row.mobile_cipher!)).toMatch(/^1990000\d{4}$/);
      },
    });
    expect(batches.length).toBeGreaterThan(1);
    expect(progress.valuesReEncrypted).toBe(before.k2025);
    expect(progress.valuesSkipped).toBe(0);

    expect(await countValuesByKey(test.db)).toEqual({ k2026: before.k2025! + before.k2026! });
    const rows = await test.db.selectFrom('petitioners').select(['mobile_cipher', 'id_number_cipher']).orderBy('mobile_cipher').execute();
    const decrypted = rows.map((row) => decryptPersonalData(rotating, row.mobile_cipher!)).sort();
    expect(decrypted).toEqual(mobiles.sort());
    expect(rows.every((row) => keyIdOf(row.mobile_cipher!) === 'k2026')).toBe(true);
    expect(rows.filter((row) => row.id_number_cipher).map((row) => decryptPersonalData(rotating, row.id_number_cipher!))).toEqual(['11010519491231002X']);
    // after the rotation the old key can go: the new key alone reads everything
    const newOnly = parseKeys(`${newKey.id}:${newKey.key}`, oldKey.hashKey);
    expect(rows.every((row) => decryptPersonalData(newOnly, row.mobile_cipher!).length === 11)).toBe(true);
    expect(await test.db.selectFrom('petitioners').select(['id', 'mobile_hash', 'id_number_hash']).orderBy('id').execute()).toEqual(hashesBefore);

    // a second run finds nothing to do
    expect(await reEncryptPersonalData(test.db, rotating, { batchSize: 5 })).toEqual({ rowsScanned: 0, valuesReEncrypted: 0, valuesSkipped: 0 });
    // the first batch left a mix of old and new values behind, all of them readable
    expect(keyIdsMidway[0]).toBe(2);
  });
});
