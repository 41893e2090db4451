import { verifyAuditChains } from '../repositories/audit.ts';
import { openFromEnvironment } from './environment.ts';

const { handle } = await openFromEnvironment();
try {
  const result = await verifyAuditChains(handle.db);
  if (result.firstBrokenRowId) {
    console.error(`Audit log BROKEN at row ${result.firstBrokenRowId}: ${result.reason} (${result.rowsChecked} rows checked)`);
    process.exitCode = 1;
  } else {
    console.log(`Audit log intact: ${result.rowsChecked} rows checked on ${handle.description}`);
  }
} finally {
  await handle.close();
}
