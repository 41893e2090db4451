import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Table types. They must match the migrations: `schema.db.test.ts` compares them with the migrated
 * database's columns, so a migration that is not reflected here fails the tests.
 */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface UnitsTable {
  id: Generated<string>;
  code: string;
  kind: string;
  name_zh: string;
  name_en: string;
  parent_id: string | null;
  path: string;
  created_at: DefaultedTimestamp;
}

export interface StaffTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  role: string;
  unit_id: string;
  password_hash: string;
  must_change_password: Generated<boolean>;
  /** The administrator who set the current temporary password, until another one confirms the account. */
  temporary_password_set_by: string | null;
  disabled: Generated<boolean>;
  failed_sign_ins: Generated<number>;
  locked_until: Timestamp | null;
  created_at: DefaultedTimestamp;
}

export interface StaffSessionsTable {
  id: string;
  staff_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
}

export interface PetitionersTable {
  id: Generated<string>;
  kind: string;
  name: string;
  id_number_cipher: string | null;
  id_number_hash: string | null;
  id_number_masked: string | null;
  mobile_cipher: string | null;
  mobile_hash: string | null;
  mobile_masked: string | null;
  mobile_last4_hash: string | null;
  address_cipher: string | null;
  credit_code: string | null;
  /** An organisation's contact person. */
  contact_name: string | null;
  created_at: DefaultedTimestamp;
}

export interface PetitionsTable {
  id: Generated<string>;
  tracking_code: string;
  version: Generated<number>;
  status: string;
  channel: string;
  kiosk_assisted: Generated<boolean>;
  petition_class: string | null;
  claim_route: string | null;
  summary: string;
  content: string;
  request: string | null;
  respondent: string | null;
  /** An accusation's accused units (each with its subtree) and staff; empty for other matters. */
  accused_unit_ids: Generated<string[]>;
  accused_staff_ids: Generated<string[]>;
  petitioner_id: string;
  is_collective: Generated<boolean>;
  headcount: Generated<number>;
  hall_unit_id: string;
  street_unit_id: string | null;
  community_unit_id: string | null;
  handling_unit_id: string | null;
  scope_path: string;
  received_at: Timestamp;
  registered_at: Timestamp;
  registered_by: string | null;
  idempotency_key: string | null;
  /** Keyed hash of the kiosk submission first sent with `idempotency_key`: a retry must carry the same one. */
  idempotency_payload_hash: string | null;
  due_at: Timestamp | null;
  light: string | null;
  clocks: Json | null;
  updated_at: Timestamp;
  /** The plain-language category picked at the kiosk (KioskCategory). */
  kiosk_category: string | null;
  responsible_path: string | null;
  visit_id: string | null;
}

/** A wave-2 record of any declared kind (packages/domain/src/records/record-kinds.ts). */
export interface RecordsTable {
  id: Generated<string>;
  kind: string;
  unit_id: string;
  unit_path: string;
  version: Generated<number>;
  occurred_at: Timestamp;
  payload: ColumnType<unknown, string, string>;
  facets: ColumnType<Record<string, unknown>, string, string>;
  created_by: string | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

/** Who changed a record, when, and which fields (the values stay in the row). Append-only. */
export interface RecordEventsTable {
  id: Generated<string>;
  record_id: string;
  sequence: number;
  type: string;
  actor_id: string | null;
  actor_role: string | null;
  occurred_at: Timestamp;
  payload: ColumnType<unknown, string | undefined, never>;
}

export interface PetitionEventsTable {
  id: Generated<string>;
  petition_id: string;
  sequence: number;
  type: string;
  actor_id: string | null;
  actor_role: string | null;
  occurred_at: Timestamp;
  recorded_at: DefaultedTimestamp;
  payload: ColumnType<unknown, string | undefined, never>;
  actor_unit_id: string | null;
}

export interface AuditLogTable {
  id: Generated<string>;
  occurred_at: Timestamp;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  details: ColumnType<unknown, string | undefined, never>;
  chain: Generated<number>;
  previous_hash: string | null;
  hash: string | null;
  hash_version: Generated<number>;
}

export interface VisitsTable {
  id: Generated<string>;
  hall_unit_id: string;
  arrived_at: Timestamp;
  person_count: number;
  is_collective: Generated<boolean>;
  guided_online: Generated<boolean>;
  staff_present: ColumnType<unknown, string | undefined, string>;
  registered_by: string | null;
  created_at: DefaultedTimestamp;
}

export interface PetitionPetitionersTable {
  petition_id: string;
  petitioner_id: string;
  is_representative: Generated<boolean>;
}

export interface WorkCalendarYearsTable {
  year: number;
  arrangement: Json;
  loaded_by: string | null;
  loaded_at: Timestamp;
}

export interface DocumentSerialsTable {
  kind: string;
  year: number;
  last_number: number;
}

export interface PetitionDocumentsTable {
  id: Generated<string>;
  petition_id: string;
  kind: string;
  serial_number: string;
  issued_at: Timestamp;
  issued_by: string | null;
  issuing_unit_id: string | null;
  event_sequence: number;
  content: Json;
}

export interface RepeatDecisionsTable {
  id: Generated<string>;
  petition_id: string;
  candidate_petition_id: string;
  decision: string;
  decided_by: string | null;
  decided_at: Timestamp;
}

/** A photo of a document handed in at the kiosk: images only, at most 300 KB, kept in the database. */
export interface PetitionAttachmentsTable {
  id: Generated<string>;
  petition_id: string;
  position: number;
  content_type: string;
  size_bytes: number;
  sha256: string;
  data: Buffer;
  created_at: DefaultedTimestamp;
}

/**
 * Attempts per counter (sign-in per username and address, tracking per terminal, address and code) in a fixed window;
 * UNLOGGED, written only by repositories/attempt-counters.ts.
 */
export interface AttemptCountersTable {
  key: string;
  attempts: number;
  window_ends_at: Timestamp;
}

/** A petition's search tokens (characters and character pairs), kept by a trigger on `petitions`. */
export interface PetitionSearchTable {
  petition_id: string;
  /** tsvector, read and written as its text form */
  tokens: string;
}

/** Daily counts per street behind the indicators; derived, rebuilt by repositories/indicators.ts. */
export interface IndicatorDailyTable {
  day: ColumnType<string, string, string>;
  street_unit_id: string | null;
  metric: string;
  value: ColumnType<string, number | string, number | string>;
}

export interface IndicatorRollupStateTable {
  id: number;
  complete_through: ColumnType<string | null, string | null, string | null>;
  refreshed_at: Timestamp | null;
}

/** The newest record of each audit hash chain; its row lock serialises the chain's writers. */
export interface AuditChainHeadsTable {
  chain: number;
  last_id: string | null;
  hash: string | null;
}

export interface DB {
  units: UnitsTable;
  staff: StaffTable;
  staff_sessions: StaffSessionsTable;
  petitioners: PetitionersTable;
  petitions: PetitionsTable;
  petition_events: PetitionEventsTable;
  records: RecordsTable;
  record_events: RecordEventsTable;
  petition_attachments: PetitionAttachmentsTable;
  attempt_counters: AttemptCountersTable;
  audit_log: AuditLogTable;
  visits: VisitsTable;
  petition_petitioners: PetitionPetitionersTable;
  work_calendar_years: WorkCalendarYearsTable;
  document_serials: DocumentSerialsTable;
  petition_documents: PetitionDocumentsTable;
  repeat_decisions: RepeatDecisionsTable;
  petition_search: PetitionSearchTable;
  indicator_daily: IndicatorDailyTable;
  indicator_rollup_state: IndicatorRollupStateTable;
  audit_chain_heads: AuditChainHeadsTable;
}

export type UnitRow = Selectable<UnitsTable>;
export type StaffRow = Selectable<StaffTable>;
export type PetitionRow = Selectable<PetitionsTable>;
export type NewPetition = Insertable<PetitionsTable>;
export type PetitionUpdate = Updateable<PetitionsTable>;
