import { unitAndAncestors, isWithinUnit, type UnitTree } from '../units/unit-tree.ts';
import type { PetitionClass } from '../petition/petition.ts';

/**
 * The one rule for reading a petition (docs/SECURITY.md, "The accusation firewall"). Every read — case detail,
 * lists, queues and their counts, search, related matters, repeat candidates, reveals, documents, attachments,
 * exports — asks it, through `checkAccess` for one record or through `petitionVisibility` in `@xinfang/db` for lists,
 * which expresses {@link firewallKeysOf} in SQL.
 */

/** The accused parties as a read rule needs them. */
export interface AccusedPartyIds {
  readonly unitIds: readonly string[];
  readonly staffIds: readonly string[];
}

/** Who reads: a staff member and their unit. */
export interface PetitionReader {
  readonly staffId: string;
  readonly unitId: string;
}

/**
 * Whether the reader is accused by an accusation: named as an accused staff member, or working in an accused unit or
 * any unit below one. Not an accusation → never.
 * @example isAccusedReader({ staffId, unitId: communityId }, 'accusation', { unitIds: [streetId], staffIds: [] }, tree) // true
 */
export function isAccusedReader(reader: PetitionReader, petitionClass: PetitionClass | null | undefined, accused: AccusedPartyIds | undefined, tree: UnitTree): boolean {
  if (petitionClass !== 'accusation' || !accused) return false;
  return accused.staffIds.includes(reader.staffId) || accused.unitIds.some((unitId) => isWithinUnit(tree, reader.unitId, unitId));
}

/** What a list query needs to apply {@link isAccusedReader} row by row: the reader and every unit whose subtree holds them. */
export interface FirewallKeys {
  readonly staffId: string;
  /** The reader's unit and its ancestors: an accusation naming any of them accuses the reader. */
  readonly coveringUnitIds: readonly string[];
}

/**
 * The reader's firewall keys: a row accuses the reader exactly when it is an accusation whose accused staff include
 * `staffId` or whose accused units meet `coveringUnitIds` (the SQL form of {@link isAccusedReader}).
 * @example firewallKeysOf({ staffId, unitId: communityId }, tree).coveringUnitIds // [communityId, streetId, districtId]
 */
export function firewallKeysOf(reader: PetitionReader, tree: UnitTree): FirewallKeys {
  return { staffId: reader.staffId, coveringUnitIds: unitAndAncestors(tree, reader.unitId) };
}

/**
 * Where an accusation goes when its accused units cover the unit that received it (the bureau accused, or a street
 * accused at its own hall): the nearest unit above that no accused unit covers — the matter must not vanish from
 * everyone's view. Undefined when the receiving unit is not covered (no escalation needed) or nothing above is free.
 * @example escalationUnitOf(tree, districtId, { unitIds: [districtId], staffIds: [] }) // cityId
 */
export function escalationUnitOf(tree: UnitTree, receivingUnitId: string, accused: AccusedPartyIds): string | undefined {
  const covered = (unitId: string) => accused.unitIds.some((accusedId) => isWithinUnit(tree, unitId, accusedId));
  if (!covered(receivingUnitId)) return undefined;
  return unitAndAncestors(tree, receivingUnitId).find((unitId) => !covered(unitId));
}
