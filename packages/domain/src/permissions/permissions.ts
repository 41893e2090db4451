import { z } from 'zod';
import { recordKinds } from '../records/record-kinds.ts';
import type { Role } from '../staff/staff.ts';

/** What a procedure may require. Every staff procedure declares one; public ones declare `public`. */
export const Permission = z.enum(['petition.list', 'petition.register', 'staff.self', 'identity.reveal', 'staff.manage', 'audit.view', 'petition.view', 'petition.act', 'petition.export', 'calendar.manage', 'indicators.view', 'records.use']);
export type Permission = z.infer<typeof Permission>;

const everyone: readonly Role[] = [
  'receptionOfficer',
  'lawyer',
  'counsellor',
  'mediator',
  'departmentHandler',
  'departmentHead',
  'bureauLeader',
  'statistician',
  'administrator',
  'studioHead',
  'hallLead',
  'streetLeader',
];

const recordUsers: readonly Role[] = [
  ...new Set(Object.values(recordKinds).flatMap((kind) => [...kind.access.create, ...kind.access.read, ...kind.access.update])),
];

/** Which roles hold which permission. Deny by default: a permission not listed here is held by no one. */
export const rolesByPermission = {
  'petition.list': ['receptionOfficer', 'lawyer', 'counsellor', 'mediator', 'departmentHandler', 'departmentHead', 'bureauLeader', 'statistician', 'studioHead', 'hallLead', 'streetLeader'],
  'petition.register': ['receptionOfficer', 'hallLead'],
  'staff.self': everyone,
  'identity.reveal': ['receptionOfficer', 'lawyer', 'mediator', 'departmentHandler', 'departmentHead', 'bureauLeader', 'hallLead', 'streetLeader'],
  'staff.manage': ['administrator'],
  'audit.view': ['administrator'],
  'petition.view': ['receptionOfficer', 'lawyer', 'counsellor', 'mediator', 'departmentHandler', 'departmentHead', 'bureauLeader', 'statistician', 'studioHead', 'hallLead', 'streetLeader'],
  'petition.act': ['receptionOfficer', 'lawyer', 'mediator', 'departmentHandler', 'departmentHead', 'bureauLeader', 'hallLead', 'streetLeader'],
  'petition.export': ['statistician', 'bureauLeader', 'streetLeader'],
  'calendar.manage': ['administrator'],
  'indicators.view': ['statistician', 'bureauLeader', 'departmentHead', 'studioHead', 'streetLeader'],
  // the record procedures' gate: every role that some kind lets create, read or update; each kind's own roles are checked next
  'records.use': recordUsers,
} as const satisfies Record<Permission, readonly Role[]>;

/**
 * Whether a role holds a permission.
 * @example roleHasPermission('receptionOfficer', 'petition.register') // true
 */
export function roleHasPermission(role: Role, permission: Permission): boolean {
  return (rolesByPermission[permission] as readonly Role[]).includes(role);
}
