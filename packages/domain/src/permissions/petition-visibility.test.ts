import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticId, unitTree, units } from '../testing/fixtures.ts';
import { escalationUnitOf, firewallKeysOf, isAccusedReader } from './petition-visibility.ts';

const allUnits = Object.values(units);
const staffPool = [syntheticId(0xb1), syntheticId(0xb2), syntheticId(0xb3)];

describe('isAccusedReader', () => {
  it.each([
    // accused units, accused staff, reader unit, reader staff, accused?
    [[units.street], [], units.street, staffPool[0]!, true],
    [[units.street], [], units.community, staffPool[0]!, true],
    [[units.street], [], units.district, staffPool[0]!, false],
    [[units.departmentB, units.departmentA], [], units.departmentASection, staffPool[0]!, true],
    [[units.departmentB, units.departmentA], [], units.departmentA, staffPool[0]!, true],
    [[units.departmentA], [staffPool[1]!], units.departmentB, staffPool[1]!, true],
    [[units.departmentA], [staffPool[1]!], units.departmentB, staffPool[0]!, false],
    [[units.district], [], units.city, staffPool[0]!, false],
    [[units.district], [], units.community, staffPool[0]!, true],
  ] as const)('accused units %j, staff %j: reader at %s (%s) → %s', (unitIds, staffIds, unitId, staffId, expected) => {
    expect(isAccusedReader({ unitId, staffId }, 'accusation', { unitIds, staffIds }, unitTree)).toBe(expected);
  });

  it('never applies to a matter that is not an accusation', () => {
    for (const petitionClass of ['claim', 'suggestion', null, undefined] as const) {
      expect(isAccusedReader({ unitId: units.street, staffId: staffPool[0]! }, petitionClass, { unitIds: [units.street], staffIds: [staffPool[0]!] }, unitTree)).toBe(false);
    }
  });

  it('says exactly what its SQL form (firewall keys meeting the accused lists) says, for any accused parties and reader', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...allUnits), { maxLength: 4 }),
        fc.uniqueArray(fc.constantFrom(...staffPool), { maxLength: 2 }),
        fc.constantFrom(...allUnits),
        fc.constantFrom(...staffPool),
        (unitIds, staffIds, readerUnit, readerStaff) => {
          const keys = firewallKeysOf({ unitId: readerUnit, staffId: readerStaff }, unitTree);
          const bySql = unitIds.some((id) => keys.coveringUnitIds.includes(id)) || staffIds.includes(keys.staffId);
          expect(bySql).toBe(isAccusedReader({ unitId: readerUnit, staffId: readerStaff }, 'accusation', { unitIds, staffIds }, unitTree));
        },
      ),
    );
  });
});

describe('escalationUnitOf', () => {
  it.each([
    ['the bureau accused at its own hall → the city', units.district, [units.district], units.city],
    ['a street accused at its own hall → the district', units.street, [units.street], units.district],
    ['a community accused, received at its street → stays', units.street, [units.community], undefined],
    ['a department accused, received at the district → stays', units.district, [units.departmentA], undefined],
    ['the street and the district accused, received at the street → the city', units.street, [units.street, units.district], units.city],
    ['everything accused → nowhere left', units.district, [units.city], undefined],
  ] as const)('%s', (_case, receivingUnit, unitIds, expected) => {
    expect(escalationUnitOf(unitTree, receivingUnit, { unitIds, staffIds: [] })).toBe(expected);
  });

  it('escalates to a unit that no accused unit covers, and only when the receiving unit is covered', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...allUnits), { maxLength: 3 }), fc.constantFrom(...allUnits), (unitIds, receiving) => {
        const accused = { unitIds, staffIds: [] };
        const target = escalationUnitOf(unitTree, receiving, accused);
        const receiverAccused = isAccusedReader({ unitId: receiving, staffId: staffPool[0]! }, 'accusation', accused, unitTree);
        if (!receiverAccused) expect(target).toBeUndefined();
        if (target !== undefined) expect(isAccusedReader({ unitId: target, staffId: staffPool[0]! }, 'accusation', accused, unitTree)).toBe(false);
      }),
    );
  });
});
