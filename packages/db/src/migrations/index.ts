import type { Migration, MigrationProvider } from 'kysely/migration';
import * as initial from './20261125000000_initial.ts';
import * as kioskTracking from './20261125104500_kiosk_tracking.ts';
import * as petitionWorkflow from './20261125101500_petition_workflow.ts';
import * as searchAndHotIndexes from './20261125140700_search_and_hot_indexes.ts';
import * as indicatorRollup from './20261125141500_indicator_rollup.ts';
import * as indicatorRollupV2 from './20261205101000_indicator_rollup_v2.ts';
import * as fasterSearchTokens from './20261125150200_faster_search_tokens.ts';
import * as workQueueIndexes from './20261125153000_work_queue_indexes.ts';
import * as openDueIndex from './20261125154500_open_due_index.ts';
import * as appealUnitIndexes from './20261125160000_appeal_unit_indexes.ts';
import * as auditChainHeads from './20261125163000_audit_chain_heads.ts';
import * as queueDueIndex from './20261125170000_queue_due_index.ts';
import * as accusationIndex from './20261125170100_accusation_index.ts';
import * as auditGuards from './20261205091000_audit_guards.ts';
import * as accountConfirmation from './20261205091500_account_confirmation.ts';
import * as idempotencyPayloadHash from './20261205092000_idempotency_payload_hash.ts';
import * as accusedParties from './20261205094000_accused_parties.ts';
import * as searchMoreFields from './20261205100000_search_more_fields.ts';
import * as records from './20261205102000_records.ts';
import * as attemptCounters from './20261205090000_attempt_counters.ts';

/**
 * Every migration, by its timestamped name. Listed statically (not read from the folder) so the server
 * bundle carries them. Add a new file as `<UTC yyyymmddhhmmss>_<what>.ts` and one line here.
 */
const migrations: Record<string, Migration> = {
  '20261125000000_initial': initial,
  '20261125104500_kiosk_tracking': kioskTracking,
  '20261125101500_petition_workflow': petitionWorkflow,
  '20261125140700_search_and_hot_indexes': searchAndHotIndexes,
  '20261125141500_indicator_rollup': indicatorRollup,
  '20261205101000_indicator_rollup_v2': indicatorRollupV2,
  '20261125150200_faster_search_tokens': fasterSearchTokens,
  '20261125153000_work_queue_indexes': workQueueIndexes,
  '20261125154500_open_due_index': openDueIndex,
  '20261125160000_appeal_unit_indexes': appealUnitIndexes,
  '20261125163000_audit_chain_heads': auditChainHeads,
  '20261125170000_queue_due_index': queueDueIndex,
  '20261125170100_accusation_index': accusationIndex,
  '20261205091000_audit_guards': auditGuards,
  '20261205091500_account_confirmation': accountConfirmation,
  '20261205092000_idempotency_payload_hash': idempotencyPayloadHash,
  '20261205094000_accused_parties': accusedParties,
  '20261205100000_search_more_fields': searchMoreFields,
  '20261205102000_records': records,
  '20261205090000_attempt_counters': attemptCounters,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
