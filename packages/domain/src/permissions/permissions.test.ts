import { describe, expect, it } from 'vitest';
import { Role } from '../staff/staff.ts';
import { Permission, roleHasPermission } from './permissions.ts';

const expected: Record<Permission, Role[]> = {
  'petition.list': ['receptionOfficer', 'lawyer', 'counsellor', 'mediator', 'departmentHandler', 'departmentHead', 'bureauLeader', 'statistician', 'studioHead', 'hallLead', 'streetLeader'],
  'petition.register': ['receptionOfficer', 'hallLead'],
  'staff.self': [...Role.options],
  'identity.reveal': ['receptionOfficer', 'lawyer', 'mediator', 'departmentHandler', 'departmentHead', 'bureauLeader', 'hallLead', 'streetLeader'],
  'staff.manage': ['administrator'],
  'audit.view': ['administrator'],
  'petition.view': ['receptionOfficer', 'lawyer', 'counsellor', 'mediator', 'departmentHandler', 'departmentHead', 'bureauLeader', 'statistician', 'studioHead', 'hallLead', 'streetLeader'],
  'petition.act': ['receptionOfficer', 'lawyer', 'mediator', 'departmentHandler', 'departmentHead', 'bureauLeader', 'hallLead', 'streetLeader'],
  'petition.export': ['statistician', 'bureauLeader', 'streetLeader'],
  'calendar.manage': ['administrator'],
  'indicators.view': ['statistician', 'bureauLeader', 'departmentHead', 'studioHead', 'streetLeader'],
  'records.use': ['counsellor', 'studioHead'],
};

describe('role permissions', () => {
  it.each(Permission.options.flatMap((permission) => Role.options.map((role) => [permission, role] as const)))('%s for %s', (permission, role) => {
    expect(roleHasPermission(role, permission)).toBe(expected[permission].includes(role));
  });
});
