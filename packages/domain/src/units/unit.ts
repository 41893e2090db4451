import { z } from 'zod';
import { UnitKind } from '../staff/staff.ts';

/** 单位: a node of the unit tree with its names and official code (GB/T 2260 or statistical code). */
export const Unit = z.object({
  id: z.string().uuid(),
  parentId: z.string().uuid().nullable(),
  kind: UnitKind,
  code: z.string().regex(/^\d{6}(\d{6})?$/, 'validation.invalid').optional(),
  nameZh: z.string().trim().min(1, 'validation.required'),
  nameEn: z.string().trim().min(1, 'validation.required'),
  hasHall: z.boolean().default(false),
});
export type Unit = z.infer<typeof Unit>;

/** Futian District's reference data (DOMAIN.md §9): its code and its 10 streets. Check the codes before production. */
export const futianDistrict = { code: '440304', nameZh: '福田区', nameEn: 'Futian District' } as const;

export const futianStreets = [
  { code: '440304001000', nameZh: '南园街道', nameEn: 'Nanyuan Street' },
  { code: '440304002000', nameZh: '园岭街道', nameEn: 'Yuanling Street' },
  { code: '440304004000', nameZh: '福田街道', nameEn: 'Futian Street' },
  { code: '440304005000', nameZh: '沙头街道', nameEn: 'Shatou Street' },
  { code: '440304006000', nameZh: '香蜜湖街道', nameEn: 'Xiangmihu Street' },
  { code: '440304007000', nameZh: '梅林街道', nameEn: 'Meilin Street' },
  { code: '440304008000', nameZh: '莲花街道', nameEn: 'Lianhua Street' },
  { code: '440304009000', nameZh: '华富街道', nameEn: 'Huafu Street' },
  { code: '440304010000', nameZh: '福保街道', nameEn: 'Fubao Street' },
  { code: '440304011000', nameZh: '华强北街道', nameEn: 'Huaqiangbei Street' },
] as const;
