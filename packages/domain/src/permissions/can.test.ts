import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.ts';
import { Role } from '../staff/staff.ts';
import { actors, registration, syntheticId, unitTree, units } from '../testing/fixtures.ts';
import { applyAction } from '../workflow/apply-action.ts';
import { registerPetition } from '../workflow/register-petition.ts';
import { accessTargetOf, assertCan, can, checkAccess, type AccessActor, type AccessTarget } from './can.ts';

const staff = (role: Role, unitId: string, n = 1): AccessActor => ({ staffId: syntheticId(0xc00 + n), role, unitId });
const atDepartmentA: AccessTarget = { unitIds: [units.district, units.departmentA] };
const atStreet: AccessTarget = { unitIds: [units.community] };
const accusation: AccessTarget = {
  unitIds: [units.district, units.departmentB],
  petitionClass: 'accusation',
  accusedParties: { unitIds: [units.departmentA], staffIds: [syntheticId(0xc99)] },
};

describe('can: roles × actions × jurisdiction', () => {
  it.each([
    ['a district officer views a community matter', staff('receptionOfficer', units.district), 'petition.view', atStreet, true],
    ['a street officer views its community matter', staff('receptionOfficer', units.street), 'petition.view', atStreet, true],
    ['a department handler views its own case', staff('departmentHandler', units.departmentA), 'petition.view', atDepartmentA, true],
    ['a department handler views another department’s case', staff('departmentHandler', units.departmentB), 'petition.view', atDepartmentA, false],
    ['a department handler views a street matter', staff('departmentHandler', units.departmentA), 'petition.view', atStreet, false],
    ['a section sees nothing of its parent department', staff('departmentHandler', units.departmentASection), 'petition.view', atDepartmentA, false],
    ['another district sees nothing', staff('bureauLeader', units.otherDistrict), 'petition.view', atStreet, false],
    ['the city covers the district', staff('bureauLeader', units.city), 'petition.view', atStreet, true],
    ['an administrator does not read cases', staff('administrator', units.district), 'petition.view', atStreet, false],
    ['an administrator manages the calendar', staff('administrator', units.district), 'calendar.manage', atStreet, true],
    ['a statistician exports', staff('statistician', units.district), 'petition.export', atStreet, true],
    ['a statistician does not reveal identities', staff('statistician', units.district), 'identity.reveal', atStreet, false],
    ['a handler reveals identity on its case', staff('departmentHandler', units.departmentA), 'identity.reveal', atDepartmentA, true],
    ['a head approves an extension in its unit', staff('departmentHead', units.departmentA), 'approveExtension', atDepartmentA, true],
    ['a handler cannot approve an extension', staff('departmentHandler', units.departmentA), 'approveExtension', atDepartmentA, false],
    ['a reception officer registers', staff('receptionOfficer', units.street), 'petition.register', atStreet, true],
    ['a lawyer does not register', staff('lawyer', units.district), 'petition.register', atStreet, false],
    ['a department head sees indicators', staff('departmentHead', units.departmentA), 'indicators.view', atStreet, true],
  ] as const)('%s → %s', (_, actor, action, target, allowed) => {
    expect(can(actor, action, target, unitTree)).toBe(allowed);
  });
});

describe('can: health data is for counsellors and their studio head only', () => {
  it.each(Role.options)('%s', (role) => {
    const actor = staff(role, units.district);
    for (const action of ['careForm.view', 'careForm.edit', 'counselling.view', 'counselling.edit'] as const) {
      expect(can(actor, action, atStreet, unitTree)).toBe(role === 'counsellor' || role === 'studioHead');
    }
  });

  it('lets a handler see only that counsellor follow-up is advised', () => {
    expect(can(staff('departmentHandler', units.departmentA), 'followUpAdvice.view', atDepartmentA, unitTree)).toBe(true);
    expect(can(staff('departmentHandler', units.departmentA), 'careForm.view', atDepartmentA, unitTree)).toBe(false);
  });
});

describe('can: the accusation firewall', () => {
  it.each([
    ['the accused unit', staff('departmentHead', units.departmentA), 'petition.view'],
    ['a section of the accused unit', staff('departmentHandler', units.departmentASection), 'petition.view'],
    ['the accused person', { staffId: syntheticId(0xc99), role: 'receptionOfficer', unitId: units.district } as const, 'accuser.view'],
  ] as const)('keeps %s out', (_, actor, action) => {
    expect(checkAccess(actor, action, { ...accusation, unitIds: [...accusation.unitIds, units.departmentA, units.departmentASection] }, unitTree)).toEqual({
      allowed: false,
      code: 'access.accusationFirewall',
    });
  });

  it('lets the handling unit in', () => {
    expect(can(staff('departmentHandler', units.departmentB), 'accuser.view', accusation, unitTree)).toBe(true);
  });

  it('does not fence a suggestion that names a unit', () => {
    expect(can(staff('departmentHead', units.departmentA), 'petition.view', { ...accusation, petitionClass: 'suggestion', unitIds: [units.departmentA] }, unitTree)).toBe(true);
  });
});

describe('can: recusal and petitions', () => {
  it('builds a target from a petition and refuses workflow actions to recused staff', () => {
    let { state } = registerPetition(registration, actors.officer, '2025-01-24T10:00:00+08:00');
    ({ state } = applyAction(state, { action: 'recuse', staffId: actors.lawyer.staffId, reason: '亲属' }, actors.officer, '2025-01-24T10:05:00+08:00'));
    const target = accessTargetOf(state);
    expect(target.unitIds).toEqual([units.district]);
    expect(checkAccess(actors.lawyer, 'triage', target, unitTree)).toEqual({ allowed: false, code: 'access.recused' });
    expect(can(actors.lawyer, 'petition.view', target, unitTree)).toBe(true);
    expect(() => assertCan(actors.lawyer, 'triage', target, unitTree)).toThrow(DomainError);
    expect(() => assertCan(actors.officer, 'triage', target, unitTree)).not.toThrow();
  });
});
