import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { findMigrationVersion } from './migrate.ts';
import { migrationProvider } from './migrations/index.ts';
import type { DB } from './schema.ts';
import { useTestDatabase } from './testing/test-database.ts';

// Every column of every table type; `satisfies` makes the compiler reject a missing or extra key,
// and the test below rejects a difference from the migrated database.
const typedColumns = {
  units: { id: true, code: true, kind: true, name_zh: true, name_en: true, parent_id: true, path: true, created_at: true },
  staff: {
    id: true, username: true, display_name: true, role: true, unit_id: true, password_hash: true, must_change_password: true,
    disabled: true, failed_sign_ins: true, locked_until: true, created_at: true, temporary_password_set_by: true,
  },
  staff_sessions: { id: true, staff_id: true, created_at: true, last_seen_at: true, expires_at: true, ip: true },
  petitioners: {
    id: true, kind: true, name: true, id_number_cipher: true, id_number_hash: true, id_number_masked: true, mobile_cipher: true,
    mobile_hash: true, mobile_masked: true, mobile_last4_hash: true, address_cipher: true, credit_code: true, created_at: true, contact_name: true,
  },
  petitions: {
    id: true, tracking_code: true, version: true, status: true, channel: true, kiosk_assisted: true, petition_class: true,
    claim_route: true, summary: true, content: true, request: true, respondent: true, accused_unit_ids: true, accused_staff_ids: true, petitioner_id: true,
    is_collective: true, headcount: true, hall_unit_id: true, street_unit_id: true, community_unit_id: true, handling_unit_id: true,
    scope_path: true, received_at: true, registered_at: true, registered_by: true, idempotency_key: true, idempotency_payload_hash: true, due_at: true, light: true,
    clocks: true, updated_at: true, kiosk_category: true, responsible_path: true, visit_id: true,
  },
  records: { id: true, kind: true, unit_id: true, unit_path: true, version: true, occurred_at: true, payload: true, facets: true, created_by: true, created_at: true, updated_at: true },
  record_events: { id: true, record_id: true, sequence: true, type: true, actor_id: true, actor_role: true, occurred_at: true, payload: true },
  petition_events: { id: true, petition_id: true, sequence: true, type: true, actor_id: true, actor_role: true, occurred_at: true, recorded_at: true, payload: true, actor_unit_id: true },
  petition_attachments: { id: true, petition_id: true, position: true, content_type: true, size_bytes: true, sha256: true, data: true, created_at: true },
  attempt_counters: { key: true, attempts: true, window_ends_at: true },
  audit_log: {
    id: true, occurred_at: true, actor_id: true, actor_role: true, action: true, target_type: true, target_id: true, ip: true,
    details: true, chain: true, previous_hash: true, hash: true, hash_version: true,
  },
  visits: { id: true, hall_unit_id: true, arrived_at: true, person_count: true, is_collective: true, guided_online: true, staff_present: true, registered_by: true, created_at: true },
  petition_petitioners: { petition_id: true, petitioner_id: true, is_representative: true },
  work_calendar_years: { year: true, arrangement: true, loaded_by: true, loaded_at: true },
  document_serials: { kind: true, year: true, last_number: true },
  petition_documents: { id: true, petition_id: true, kind: true, serial_number: true, issued_at: true, issued_by: true, issuing_unit_id: true, event_sequence: true, content: true },
  repeat_decisions: { id: true, petition_id: true, candidate_petition_id: true, decision: true, decided_by: true, decided_at: true },
  petition_search: { petition_id: true, tokens: true },
  indicator_daily: { day: true, street_unit_id: true, metric: true, value: true },
  indicator_rollup_state: { id: true, complete_through: true, refreshed_at: true },
  audit_chain_heads: { chain: true, last_id: true, hash: true },
} satisfies { [Table in keyof DB]: Record<keyof DB[Table], true> };

const test = useTestDatabase();

describe('migrated schema', () => {
  it('records the migration version', async () => {
    expect(await findMigrationVersion(test.db)).toBe(Object.keys(await migrationProvider.getMigrations()).sort().at(-1));
  });

  it.each(Object.entries(typedColumns))('table %s matches its TypeScript type', async (table, columns) => {
    const result = await sql<{ column_name: string }>`
      select column_name from information_schema.columns where table_schema = 'public' and table_name = ${table}`.execute(test.db);
    expect(result.rows.map((row) => row.column_name).sort()).toEqual(Object.keys(columns).sort());
  });

  it('refuses to change or delete history in the event log and the audit log', async () => {
    await sql`insert into audit_log (occurred_at, action) values (now(), 'test')`.execute(test.db);
    await expect(sql`update audit_log set action = 'changed'`.execute(test.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(test.db)).rejects.toThrow(/append-only/);
  });
});
