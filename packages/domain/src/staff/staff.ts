import { z } from 'zod';
import type { BilingualMessage } from '../messages/messages.ts';

/** Staff roles (DOMAIN.md §1; issue: permissions). */
export const Role = z.enum([
  'receptionOfficer',
  'lawyer',
  'counsellor',
  'mediator',
  'departmentHandler',
  'departmentHead',
  'bureauLeader',
  'statistician',
  'administrator',
  // wave 2: the rooms, the hall's leads and the streets' leaders (DOMAIN.md §1, §6, §10)
  'studioHead',
  'hallLead',
  'streetLeader',
]);
export type Role = z.infer<typeof Role>;

export const roleLabels = {
  receptionOfficer: { zh: '接访人员', en: 'Reception officer' },
  lawyer: { zh: '律师', en: 'Lawyer' },
  counsellor: { zh: '心理咨询师', en: 'Counsellor' },
  mediator: { zh: '人民调解员', en: 'Mediator' },
  departmentHandler: { zh: '部门承办人', en: 'Department handler' },
  departmentHead: { zh: '部门负责人', en: 'Department head' },
  bureauLeader: { zh: '信访局领导', en: 'Bureau leader' },
  statistician: { zh: '统计人员', en: 'Statistician' },
  administrator: { zh: '系统管理员', en: 'Administrator' },
  studioHead: { zh: '心访工作室负责人', en: 'Psychological studio head' },
  hallLead: { zh: '接待厅负责人', en: 'Reception hall lead' },
  streetLeader: { zh: '街道领导', en: 'Street leader' },
} as const satisfies Record<Role, BilingualMessage>;

/** Unit kinds of the unit tree (单位). */
export const UnitKind = z.enum(['district', 'street', 'community', 'department']);
export type UnitKind = z.infer<typeof UnitKind>;

export const unitKindLabels = {
  district: { zh: '区', en: 'District' },
  street: { zh: '街道', en: 'Street' },
  community: { zh: '社区', en: 'Community' },
  department: { zh: '职能部门', en: 'Department' },
} as const satisfies Record<UnitKind, BilingualMessage>;

/** The credentials a staff member signs in with. */
export const SignInInput = z.object({
  username: z.string().trim().min(1, 'validation.required').max(64, 'validation.text.tooLong'),
  password: z.string().min(1, 'validation.required').max(256, 'validation.text.tooLong'),
});
export type SignInInput = z.infer<typeof SignInInput>;

/** Who is acting: what rules and the UI need to know of a signed-in staff member. */
export const Actor = z.object({
  staffId: z.string().uuid(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  unitId: z.string().uuid(),
});
export type Actor = z.infer<typeof Actor>;
