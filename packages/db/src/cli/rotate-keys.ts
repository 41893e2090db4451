import { appendAudit } from '../repositories/audit.ts';
import { countValuesByKey, reEncryptPersonalData } from './key-rotation.ts';
import { openFromEnvironment } from './environment.ts';

/**
 * `pnpm keys:rotate`: re-encrypts personal data with the current key (the first of XINFANG_DATA_KEYS / the key file's
 * "dataKeys"), keeping the older keys readable while it runs. See docs/SECURITY.md, "Rotating keys".
 */
const { handle, loadKeysFromEnvironment } = await openFromEnvironment();
try {
  const { keys } = loadKeysFromEnvironment();
  console.log(`Current key ${keys.current.id}; also readable: ${keys.previous.map((key) => key.id).join(', ') || '(none)'}`);
  console.log(`Before: ${JSON.stringify(await countValuesByKey(handle.db))}`);
  const progress = await reEncryptPersonalData(handle.db, keys, {
    batchSize: Number(process.env.BATCH_SIZE ?? 500),
    onBatch: (step) => console.log(`  ${step.rowsScanned} rows scanned, ${step.valuesReEncrypted} values re-encrypted`),
  });
  const after = await countValuesByKey(handle.db);
  await handle.db.transaction().execute((tx) =>
    appendAudit(tx, { occurredAt: new Date(), actorId: null, actorRole: 'operator', action: 'keys.rotated', ip: null, details: { currentKeyId: keys.current.id, ...progress } }),
  );
  console.log(`Done: ${progress.valuesReEncrypted} values re-encrypted, ${progress.valuesSkipped} changed meanwhile (already current).`);
  console.log(`After: ${JSON.stringify(after)}`);
  const leftover = Object.keys(after).filter((id) => id !== keys.current.id);
  if (leftover.length) {
    console.error(`Values still sealed with ${leftover.join(', ')}: run again before removing those keys.`);
    process.exitCode = 1;
  } else {
    console.log(`No value uses an older key any more: the older keys may be removed from the configuration.`);
  }
} finally {
  await handle.close();
}
