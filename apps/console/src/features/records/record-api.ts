import type { RecordKindName } from '@xinfang/domain/records/record-kinds';
import { api } from '../../api.ts';

/** A record as every kind's procedures return it; the generic screens read the payload as a record of fields. */
export interface RecordView {
  id: string;
  kind: string;
  unitId: string;
  version: number;
  occurredAt: string;
  payload: Record<string, unknown>;
  facets: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

/** Who changed which fields when (`created` names every field given). */
export interface RecordHistoryEntry {
  sequence: number;
  type: string;
  actorId: string | null;
  actorRole: string | null;
  occurredAt: string;
  fields: string[];
}

export interface RecordDetail extends RecordView {
  history: RecordHistoryEntry[];
}

export interface RecordCursor {
  occurredAt: string;
  id: string;
}

export interface RecordPage {
  items: RecordView[];
  total: number;
  nextCursor: RecordCursor | null;
}

export interface RecordListInput {
  limit: number;
  after?: RecordCursor | undefined;
  from?: string | undefined;
  to?: string | undefined;
  facets?: Record<string, string | number | boolean> | undefined;
}

/** The four procedures every kind's sub-router has (`records.<kind>.*`), as a generic screen calls them. */
export interface RecordProcedures {
  create: { mutate: (payload: Record<string, unknown>) => Promise<RecordDetail> };
  update: { mutate: (input: { id: string; expectedVersion: number; payload: Record<string, unknown> }) => Promise<RecordDetail> };
  get: { query: (input: { id: string }) => Promise<RecordDetail> };
  list: { query: (input: RecordListInput) => Promise<RecordPage> };
}

type Fits<Answer extends RecordDetail> = Answer;
type EveryKindDetail = { [Name in RecordKindName]: Awaited<ReturnType<(typeof api.records)[Name]['get']['query']>> }[RecordKindName];
/** Compile-time check: every kind's `get` answers at least what the generic screens read. */
export type KindDetailsFit = Fits<EveryKindDetail>;

/**
 * A kind's procedures for the generic screens. Each kind's procedures are typed by its own schema, a union the screens
 * cannot call through; they check every payload with the kind's schema before sending, and the API checks it again.
 */
export function recordProcedures(name: RecordKindName): RecordProcedures {
  return api.records[name] as unknown as RecordProcedures;
}

/** Query keys: everything about a kind's records sits under `['records', kind]`, so a save refreshes its lists. */
export const recordQueryKeys = {
  kind: (name: RecordKindName) => ['records', name] as const,
  list: (name: RecordKindName, filters: Readonly<Record<string, unknown>>) => ['records', name, 'list', filters] as const,
  detail: (name: RecordKindName, id: string) => ['records', name, 'get', id] as const,
};
