import { z } from 'zod';
import type { UnitKind } from '../staff/staff.ts';

/**
 * Whose figures: the whole district, one street (matters that arose in it, visits at its matters), or one department
 * or community (matters it is responsible for, with the units below it).
 */
export const IndicatorScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('district') }),
  z.object({ kind: z.literal('street'), unitId: z.string().uuid('validation.invalid') }),
  z.object({ kind: z.literal('department'), unitId: z.string().uuid('validation.invalid') }),
]);
export type IndicatorScope = z.infer<typeof IndicatorScope>;

/** A unit as the scope rules need it. */
export interface ScopeUnit {
  readonly id: string;
  readonly kind: UnitKind;
  /** Materialised path, e.g. `/440300/440304/440304001000/`. */
  readonly path: string;
}

/**
 * Whether a unit can be the unit of a scope of that kind: a street scope names a street; a department scope names a
 * department or a community (both answer for the matters routed to them).
 * @example isScopeUnitOfKind('street', { id, kind: 'street', path }) // true
 */
export function isScopeUnitOfKind(kind: 'street' | 'department', unit: ScopeUnit): boolean {
  return kind === 'street' ? unit.kind === 'street' : unit.kind === 'department' || unit.kind === 'community';
}

/**
 * Whether a reader may see a scope's figures: the district's only from a district-level unit (the bureau, or a unit
 * above it); a street's or a department's from that unit or a unit above it. Figures are counts, but a street leader
 * still sees only their street, as the lists do.
 * @example isScopeWithinReach({ kind: 'street', path: '/440304/440304001000/' }, { kind: 'district' }) // false
 */
export function isScopeWithinReach(reader: Pick<ScopeUnit, 'kind' | 'path'>, scope: { kind: 'district' } | { kind: 'street' | 'department'; unit: Pick<ScopeUnit, 'path'> }): boolean {
  if (scope.kind === 'district') return reader.kind === 'district';
  return scope.unit.path.startsWith(reader.path);
}

/**
 * The scope a reader's dashboard opens with: the district for a district-level unit, their street for a street,
 * otherwise the unit they belong to.
 * @example defaultScopeFor({ id: 'u1', kind: 'street', path: '/440304/440304001000/' }) // { kind: 'street', unitId: 'u1' }
 */
export function defaultScopeFor(reader: ScopeUnit): IndicatorScope {
  if (reader.kind === 'district') return { kind: 'district' };
  if (reader.kind === 'street') return { kind: 'street', unitId: reader.id };
  return { kind: 'department', unitId: reader.id };
}
