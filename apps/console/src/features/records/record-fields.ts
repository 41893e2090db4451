import { isMessageCode, translateMessage, type BilingualMessage, type Language } from '@xinfang/domain/messages';
import { CareGrade, careGradeLabels } from '@xinfang/domain/records/care-form';
import { CounsellingFormat, counsellingFormatLabels, CounsellingOutcome, counsellingOutcomeLabels, CounsellingStage, counsellingStageLabels, CounsellingSubject, counsellingSubjectLabels } from '@xinfang/domain/records/counselling';
import { roleMayUseRecordKind, type AnyRecordKind, type RecordOperation } from '@xinfang/domain/records/record-kind';
import { recordKinds, type RecordKindName } from '@xinfang/domain/records/record-kinds';
import type { Role } from '@xinfang/domain/staff';
import { CalendarDay } from '@xinfang/domain/time/calendar-day';
import { IsoInstant } from '@xinfang/domain/time/iso-instant';

/**
 * What the generic screens read of a declaration. A kind's `occurredAt` and `facets` take its own payload type, so a
 * declared kind is not an `AnyRecordKind` to the compiler; a widget that needs the facets imports its kind.
 */
export type ScreenKind = Pick<AnyRecordKind, 'kind' | 'labels' | 'schema' | 'fields' | 'form' | 'list' | 'access'>;

/** A declared kind with the name the API's sub-router and the console's routes use (`careForm`). */
export interface NamedRecordKind {
  name: RecordKindName;
  kind: ScreenKind;
}

/**
 * The declaration of the kind a route names, or undefined for a name no kind has.
 * @example findRecordKind('careForm')?.kind.labels.zh // '健康关爱表'
 */
export function findRecordKind(name: unknown): NamedRecordKind | undefined {
  if (typeof name !== 'string' || !Object.hasOwn(recordKinds, name)) return undefined;
  const known = name as RecordKindName;
  return { name: known, kind: recordKinds[known] };
}

/**
 * The kinds a role may do an operation on, in declaration order: the studio menu lists the readable ones.
 * @example recordKindsFor('counsellor', 'read').map((entry) => entry.name) // ['careForm', 'counsellingSession']
 */
export function recordKindsFor(role: Role | undefined, operation: RecordOperation): NamedRecordKind[] {
  if (!role) return [];
  return (Object.keys(recordKinds) as RecordKindName[]).map((name) => ({ name, kind: recordKinds[name] })).filter((entry) => roleMayUseRecordKind(role, entry.kind, operation));
}

/**
 * The domain's label tables for enums, found by the enum schema itself (a payload field declared as
 * `CounsellingStage` is labelled by `counsellingStageLabels`). An enum without a table falls back to the console's
 * locale (`records.options.<kind>.<field>.<value>`).
 */
const enumLabelTables: readonly (readonly [unknown, Readonly<Record<string, BilingualMessage>>])[] = [
  [CounsellingStage, counsellingStageLabels],
  [CounsellingFormat, counsellingFormatLabels],
  [CounsellingSubject, counsellingSubjectLabels],
  [CounsellingOutcome, counsellingOutcomeLabels],
  [CareGrade, careGradeLabels],
];

/**
 * Facets that are not payload fields: the values a filter offers and their labels. A facet named like a payload enum
 * field (a counselling session's `stage`) takes its values from the schema and needs no entry here.
 */
const facetValueTables: Readonly<Record<string, { values: readonly string[]; labels: Readonly<Record<string, BilingualMessage>> }>> = {
  grade: { values: CareGrade.options, labels: careGradeLabels },
};

type TagType = 'success' | 'warning' | 'danger' | 'info';
/** How a facet's values are tagged where they stand out (a high-risk grade). */
const facetTagTypes: Readonly<Record<string, Readonly<Record<string, TagType>>>> = {
  grade: { stable: 'success', attention: 'warning', highRisk: 'danger' },
};

/** Whether a facet is shown as a coloured tag, and which colour its value gets. */
export function isTaggedFacet(key: string): boolean {
  return Object.hasOwn(facetTagTypes, key);
}
export function facetTagType(key: string, value: unknown): TagType {
  return (typeof value === 'string' ? facetTagTypes[key]?.[value] : undefined) ?? 'info';
}

export interface EnumOption {
  value: string;
  /** The domain's label, when the domain has one; otherwise the screen asks its locale. */
  label: BilingualMessage | undefined;
}

/** How the generic form asks for a field, read from its zod type. */
export type FieldControl =
  | { control: 'text'; maxLength: number | undefined }
  | { control: 'textarea'; maxLength: number | undefined }
  | { control: 'select'; options: EnumOption[] }
  | { control: 'multiSelect'; options: EnumOption[] }
  | { control: 'number'; min: number | undefined; max: number | undefined }
  | { control: 'switch' }
  | { control: 'instant' }
  | { control: 'day' }
  | { control: 'petitions' }
  | { control: 'fixed' }
  | { control: 'unsupported' };

export interface FieldDescriptor {
  key: string;
  label: BilingualMessage;
  /** Neither optional nor defaulted: the form marks it and the schema refuses the record without it. */
  required: boolean;
  control: FieldControl;
}

/** The parts of a zod 4 schema the form reads; the console sees the schemas only through the domain. */
interface SchemaNode {
  def: { type: string; innerType?: SchemaNode; element?: SchemaNode };
  options?: readonly string[];
  maxLength?: number | null;
  minValue?: number | null;
  maxValue?: number | null;
  format?: string | null;
}

const wrapperTypes = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch']);
/** Strings longer than this get a text area (notes, records), shorter ones a one-line input (names, topics). */
const longTextFrom = 200;

function unwrap(node: SchemaNode): { inner: SchemaNode; required: boolean } {
  let inner = node;
  let required = true;
  while (wrapperTypes.has(inner.def.type) && inner.def.innerType) {
    if (inner.def.type !== 'nullable') required = false;
    inner = inner.def.innerType;
  }
  return { inner, required };
}

function enumOptions(node: SchemaNode): EnumOption[] {
  const table = enumLabelTables.find(([schema]) => schema === node)?.[1];
  return (node.options ?? []).map((value) => ({ value, label: table?.[value] }));
}

function controlOf(node: SchemaNode): FieldControl {
  switch (node.def.type) {
    case 'string':
      if (node === (IsoInstant as unknown) || node.format === 'datetime') return { control: 'instant' };
      if (node === (CalendarDay as unknown)) return { control: 'day' };
      return { control: (node.maxLength ?? Infinity) > longTextFrom ? 'textarea' : 'text', maxLength: node.maxLength ?? undefined };
    case 'enum':
      return { control: 'select', options: enumOptions(node) };
    case 'number':
      return { control: 'number', min: node.minValue ?? undefined, max: node.maxValue ?? undefined };
    case 'boolean':
      return { control: 'switch' };
    case 'literal':
      return { control: 'fixed' };
    case 'array': {
      const element = node.def.element ? unwrap(node.def.element).inner : undefined;
      if (element?.def.type === 'enum') return { control: 'multiSelect', options: enumOptions(element) };
      if (element?.def.type === 'string' && element.format === 'uuid') return { control: 'petitions' };
      return { control: 'unsupported' };
    }
    default:
      return { control: 'unsupported' };
  }
}

function shapeOf(kind: ScreenKind): Record<string, SchemaNode> {
  return kind.schema.shape;
}

/**
 * How one payload field is asked for and labelled, from the kind's schema and declaration.
 * @example describeField(careFormKind, 'filledAt') // { key: 'filledAt', required: true, control: { control: 'instant' }, … }
 */
export function describeField(kind: ScreenKind, key: string): FieldDescriptor {
  const node = shapeOf(kind)[key];
  const label = kind.fields[key] ?? { zh: key, en: key };
  if (!node) return { key, label, required: false, control: { control: 'unsupported' } };
  const { inner, required } = unwrap(node);
  return { key, label, required, control: controlOf(inner) };
}

/** Every field of a kind in the declaration's order (the detail shows them all). */
export function describeFields(kind: ScreenKind): FieldDescriptor[] {
  return Object.keys(kind.fields).map((key) => describeField(kind, key));
}

/** A new record's first draft: now for required instants, empty lists, off for switches, an empty object for a widget. */
export function emptyDraft(kind: ScreenKind, now: Date = new Date()): Record<string, unknown> {
  const draft: Record<string, unknown> = {};
  for (const field of describeFields(kind)) {
    const node = shapeOf(kind)[field.key];
    const inner = node ? unwrap(node).inner : undefined;
    if (field.control.control === 'instant' && field.required) draft[field.key] = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
    else if (field.control.control === 'multiSelect' || field.control.control === 'petitions') draft[field.key] = [];
    else if (field.control.control === 'switch') draft[field.key] = false;
    else if (inner?.def.type === 'object') draft[field.key] = {};
  }
  return draft;
}

/** A facet filter: the facet's values and, when the domain has them, their labels. */
export interface FacetFilter {
  key: string;
  /** The payload field's label when the facet is a payload field; otherwise the screen asks its locale. */
  label: BilingualMessage | undefined;
  options: EnumOption[];
}

/** The filters a kind's list offers: one select per declared facet filter. */
export function facetFilters(kind: ScreenKind): FacetFilter[] {
  return kind.list.filters.map((key) => {
    const field = key in kind.fields ? describeField(kind, key) : undefined;
    if (field?.control.control === 'select') return { key, label: field.label, options: field.control.options };
    const table = facetValueTables[key];
    return { key, label: field?.label, options: (table?.values ?? []).map((value) => ({ value, label: table?.labels[value] })) };
  });
}

/** The label of one facet value (a grade), when the domain has one. */
export function facetValueLabel(kind: ScreenKind, key: string, value: unknown): BilingualMessage | undefined {
  return facetFilters(kind)
    .find((filter) => filter.key === key)
    ?.options.find((option) => option.value === value)?.label ?? (typeof value === 'string' ? facetValueTables[key]?.labels[value] : undefined);
}

/** Drops what a person left empty ('' or null), so optional fields are absent and required ones are "missing". */
export function normalizeDraft(draft: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(draft).filter(([, value]) => value !== '' && value !== null && value !== undefined));
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

export type DraftCheck = { ok: true; payload: Record<string, unknown> } | { ok: false; fieldMessages: Record<string, string> };

/**
 * Checks a draft with the kind's own schema (the one the API checks with) and says, per field path, what is wrong
 * in the person's language: a missing value is "required"; otherwise the domain's message code, or "not valid" for
 * zod's own messages.
 * @example checkDraft(careFormKind, { visitorName: '' }, 'zh').fieldMessages.visitorName // '此项为必填项'
 */
export function checkDraft(kind: ScreenKind, draft: Readonly<Record<string, unknown>>, language: Language): DraftCheck {
  const normalized = normalizeDraft(draft);
  const result = kind.schema.safeParse(normalized);
  if (result.success) return { ok: true, payload: result.data };
  const fieldMessages: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    if (fieldMessages[path]) continue;
    const missing = valueAt(normalized, issue.path) === undefined;
    const code = missing && !isMessageCode(issue.message) ? 'validation.required' : issue.message;
    fieldMessages[path] = translateMessage(isMessageCode(code) ? code : 'validation.invalid', language);
  }
  return { ok: false, fieldMessages };
}

/**
 * The server's field messages keyed like the form's fields: an update's payload fields come back as `payload.<key>`.
 * @example serverFieldMessages({ 'payload.visitorName': '内容过长' }) // { visitorName: '内容过长' }
 */
export function serverFieldMessages(messages: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(messages).map(([path, message]) => [path.replace(/^payload\./, ''), message]));
}

/** The message for a field: its own, or the first about a part of it (`answers.sleep`). */
export function messageFor(messages: Readonly<Record<string, string>>, key: string): string | undefined {
  return messages[key] ?? Object.entries(messages).find(([path]) => path.startsWith(`${key}.`))?.[1];
}
