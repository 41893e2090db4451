import { z as zod, type z } from 'zod';
import { CalendarDay } from '../time/calendar-day.ts';
import { IsoInstant } from '../time/iso-instant.ts';
import type { BilingualMessage } from '../messages/messages.ts';
import type { Role } from '../staff/staff.ts';
import { isWithinUnit, type UnitTree } from '../units/unit-tree.ts';

/** A stored fact of a record that lists, filters, access rules and indicators read without opening the payload. */
export type FacetValue = string | number | boolean | null;
export type Facets = Readonly<Record<string, FacetValue>>;

/** The keys of a kind's payload: what labels, layouts and list columns may name (the compiler checks them). */
export type FieldKey<Schema extends z.ZodObject> = Extract<keyof z.output<Schema>, string>;

/** Who may do what with a kind's records (need-to-know: health data is for counsellors and their studio head). */
export interface RecordAccess {
  readonly create: readonly Role[];
  readonly read: readonly Role[];
  readonly update: readonly Role[];
}

/**
 * A record kind, declared once: its schema (the procedures' input and the form's model), labels for every field, the
 * form layout, list columns and filters, who may create/read/update it, whether every read is audited, the date it is
 * counted on, and the facets stored beside the payload for lists, filters and indicators. One mechanism gives every
 * kind its table rows, procedures (`records.<kind>.*`), audit, authorisation-matrix rows and console screens.
 *
 * A declaration is a plain object checked with `satisfies RecordKind<typeof Schema, Facets>`: no strings that name
 * code, no inheritance, no registry looked up by name at run time.
 */
export interface RecordKind<Schema extends z.ZodObject, KindFacets extends Facets> {
  readonly kind: string;
  readonly labels: BilingualMessage;
  readonly schema: Schema;
  readonly fields: { readonly [Key in FieldKey<Schema>]: BilingualMessage };
  /** Rows of the form, top to bottom. */
  readonly form: readonly (readonly FieldKey<Schema>[])[];
  readonly list: { readonly columns: readonly FieldKey<Schema>[]; readonly filters: readonly Extract<keyof KindFacets, string>[] };
  readonly access: RecordAccess;
  /** Sensitive data (个人信息保护法 Arts. 28–31): every read is written to the audit log. */
  readonly auditReads: boolean;
  /** The instant the record is counted on in a period (a session held, a form filled). */
  readonly occurredAt: (payload: z.output<Schema>) => string;
  /** Facts stored beside the payload (indexed): what lists filter on and indicators count. */
  readonly facets: (payload: z.output<Schema>) => KindFacets;
}

/** Any declared kind, for code that handles every kind alike. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the facets' and schema's own types are each kind's business
export type AnyRecordKind = RecordKind<z.ZodObject, any>;

export type RecordOperation = keyof RecordAccess;

/**
 * Whether a role may do an operation on a kind's records at all (jurisdiction aside).
 * @example roleMayUseRecordKind('counsellor', careFormKind, 'read') // true; ('departmentHandler', …) // false
 */
export function roleMayUseRecordKind(role: Role, kind: Pick<AnyRecordKind, 'access'>, operation: RecordOperation): boolean {
  return kind.access[operation].includes(role);
}

/**
 * Whether a reader's unit covers a record's unit: a record belongs to the unit (hall, studio, street) it was made at;
 * the district sees its streets', a street its own.
 * @example isRecordInJurisdiction(tree, streetRecordUnitId, districtId) // true
 */
export function isRecordInJurisdiction(tree: UnitTree, recordUnitId: string, readerUnitId: string): boolean {
  return isWithinUnit(tree, recordUnitId, readerUnitId);
}

/** A record as the procedures return it: the envelope, the payload (the kind's schema) and its facets. */
export function recordViewSchema<Schema extends z.ZodObject>(schema: Schema) {
  return zod.object({
    id: zod.string().uuid(),
    kind: zod.string(),
    unitId: zod.string().uuid(),
    version: zod.number().int(),
    occurredAt: zod.string(),
    payload: schema,
    facets: zod.record(zod.string(), zod.unknown()),
    createdAt: zod.string(),
    updatedAt: zod.string(),
  });
}

/** A record with its history (who changed which fields when). */
export function recordDetailSchema<Schema extends z.ZodObject>(schema: Schema) {
  return recordViewSchema(schema).extend({
    history: zod.array(
      zod.object({ sequence: zod.number().int(), type: zod.string(), actorId: zod.string().nullable(), actorRole: zod.string().nullable(), occurredAt: zod.string(), fields: zod.array(zod.string()) }),
    ),
  });
}

const FacetFilterValue = zod.union([zod.string().max(100), zod.number(), zod.boolean()]);

/** The list query of a kind: a keyset page, a period (Asia/Shanghai days) and equality filters on its declared facets. */
export function recordListQuery(filters: readonly string[]) {
  return zod.object({
    limit: zod.number().int().min(1).max(100).default(20),
    after: zod.object({ occurredAt: IsoInstant, id: zod.string().uuid('validation.invalid') }).optional(),
    from: CalendarDay.optional(),
    to: CalendarDay.optional(),
    facets: zod.object(Object.fromEntries(filters.map((key) => [key, FacetFilterValue.optional()]))).strict().optional(),
  });
}

/** A page of a kind's records. */
export function recordPageSchema<Schema extends z.ZodObject>(schema: Schema) {
  return zod.object({
    items: zod.array(recordViewSchema(schema)),
    total: zod.number().int(),
    nextCursor: zod.object({ occurredAt: zod.string(), id: zod.string() }).nullable(),
  });
}
