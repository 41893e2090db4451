import { z } from 'zod';
import { UnitKind } from '../staff/staff.ts';

/** One node of the unit tree (单位): district bureau → streets → communities; departments under the district. */
export const UnitNode = z.object({
  id: z.string().uuid(),
  parentId: z.string().uuid().nullable(),
  kind: UnitKind,
});
export type UnitNode = z.infer<typeof UnitNode>;

/** The unit tree as a flat list of nodes; the rules only need parent links. */
export type UnitTree = readonly UnitNode[];

/**
 * The parent of a unit, or undefined for the root or an unknown unit.
 * @example findParentUnit([{ id: 'a', parentId: null, kind: 'district' }, { id: 'b', parentId: 'a', kind: 'street' }], 'b') // 'a'
 */
export function findParentUnit(tree: UnitTree, unitId: string): string | undefined {
  return tree.find((unit) => unit.id === unitId)?.parentId ?? undefined;
}

/**
 * Whether `unitId` is `ancestorId` itself or lies below it in the tree (a district covers its streets and their communities).
 * @example isWithinUnit(tree, communityId, districtId) // true
 */
export function isWithinUnit(tree: UnitTree, unitId: string, ancestorId: string): boolean {
  const seen = new Set<string>();
  let current: string | undefined = unitId;
  while (current !== undefined && !seen.has(current)) {
    if (current === ancestorId) return true;
    seen.add(current);
    current = findParentUnit(tree, current);
  }
  return false;
}

/**
 * A unit and every unit above it, nearest first: the units whose subtree holds it.
 * `isWithinUnit(tree, unitId, ancestorId)` is true exactly when `ancestorId` is in this list.
 * @example unitAndAncestors(tree, communityId) // [communityId, streetId, districtId, cityId]
 */
export function unitAndAncestors(tree: UnitTree, unitId: string): string[] {
  const chain: string[] = [];
  let current: string | undefined = unitId;
  while (current !== undefined && !chain.includes(current)) {
    chain.push(current);
    current = findParentUnit(tree, current);
  }
  return chain;
}
