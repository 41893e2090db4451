import type { Database } from '../database.ts';
import { ensureUnit } from '../repositories/units.ts';
import type { UnitRow } from '../schema.ts';
import { city, departments, district, streets } from './reference-units.ts';

export interface SeededUnits {
  city: UnitRow;
  district: UnitRow;
  streets: UnitRow[];
  communities: UnitRow[];
  departments: UnitRow[];
}

/** The unit tree (city → district → streets → communities, plus departments). Idempotent. */
export async function seedUnits(db: Database): Promise<SeededUnits> {
  const cityRow = await ensureUnit(db, { ...city, kind: 'district' });
  let districtRow = await ensureUnit(db, { ...district, kind: 'district', parentId: cityRow.id });
  if (districtRow.parent_id === null) {
    // a database seeded before the city existed: hang the district under it (its paths stay as they are)
    await db.updateTable('units').set({ parent_id: cityRow.id }).where('id', '=', districtRow.id).execute();
    districtRow = { ...districtRow, parent_id: cityRow.id };
  }
  const streetRows: UnitRow[] = [];
  const communityRows: UnitRow[] = [];
  for (const street of streets) {
    const streetRow = await ensureUnit(db, { ...street, kind: 'street', parentId: districtRow.id, parentPath: districtRow.path });
    streetRows.push(streetRow);
    const communityCount = 2 + (Number(street.code.slice(6, 9)) % 2);
    for (let index = 1; index <= communityCount; index++) {
      communityRows.push(
        await ensureUnit(db, {
          code: `${street.code.slice(0, 9)}${String(index).padStart(3, '0')}`,
          kind: 'community',
          nameZh: `${street.nameZh}示例社区${index}`,
          nameEn: `${street.nameEn} sample community ${index}`,
          parentId: streetRow.id,
          parentPath: streetRow.path,
        }),
      );
    }
  }
  const departmentRows: UnitRow[] = [];
  for (const department of departments) {
    departmentRows.push(await ensureUnit(db, { ...department, kind: 'department', parentId: districtRow.id, parentPath: districtRow.path }));
  }
  return { city: cityRow, district: districtRow, streets: streetRows, communities: communityRows, departments: departmentRows };
}
