import { careFormKind } from './kinds/care-form.kind.ts';
import { counsellingSessionKind } from './kinds/counselling-session.kind.ts';

/**
 * Every record kind the product has, by its code name: the API builds one sub-router per entry (`records.careForm.*`),
 * the authorisation matrix one row per procedure, the console one menu item. Adding a kind: its file in `kinds/`
 * and one line here (CONTRIBUTING.md, "Add a record kind").
 */
export const recordKinds = {
  careForm: careFormKind,
  counsellingSession: counsellingSessionKind,
} as const;

export type RecordKindName = keyof typeof recordKinds;
