import { describe, expect, it } from 'vitest';
import { StaffMember } from '../staff/staff-member.ts';
import { syntheticId, unitTree, units } from '../testing/fixtures.ts';
import { futianStreets, Unit } from './unit.ts';
import { findParentUnit, isWithinUnit } from './unit-tree.ts';

describe('units', () => {
  it('walks the tree', () => {
    expect(findParentUnit(unitTree, units.street)).toBe(units.district);
    expect(findParentUnit(unitTree, units.city)).toBeUndefined();
    expect(isWithinUnit(unitTree, units.community, units.district)).toBe(true);
    expect(isWithinUnit(unitTree, units.district, units.community)).toBe(false);
    expect(isWithinUnit([{ id: units.city, parentId: units.city, kind: 'district' }], units.city, units.district)).toBe(false);
  });

  it('lists Futian’s 10 streets with 12-digit codes and no 003', () => {
    expect(futianStreets).toHaveLength(10);
    expect(futianStreets.every((street) => Unit.shape.code.safeParse(street.code).success)).toBe(true);
    expect(futianStreets.map((street) => street.code as string)).not.toContain('440304003000');
  });

  it('parses units and staff', () => {
    expect(Unit.parse({ id: syntheticId(1), parentId: null, kind: 'district', code: '440304', nameZh: '福田区', nameEn: 'Futian District' }).hasHall).toBe(false);
    expect(StaffMember.parse({ id: syntheticId(2), username: 'demo', displayName: '演示', role: 'lawyer', unitId: syntheticId(1) }).active).toBe(true);
  });
});
