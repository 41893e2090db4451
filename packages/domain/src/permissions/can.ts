import { z } from 'zod';
import { DomainError } from '../errors/domain-error.ts';
import type { MessageCode } from '../messages/messages.ts';
import type { PetitionClass } from '../petition/petition.ts';
import type { Role } from '../staff/staff.ts';
import { isWithinUnit, type UnitTree } from '../units/unit-tree.ts';
import { roleMayTakeAction } from '../workflow/action-roles.ts';
import { PetitionAction } from '../workflow/petition-action.ts';
import type { PetitionState } from '../workflow/petition-state.ts';
import { Permission, roleHasPermission } from './permissions.ts';
import { isAccusedReader } from './petition-visibility.ts';

/** Things staff do to records beyond the workflow's actions. */
export const AccessAction = z.enum([
  'petition.view',
  'identity.reveal',
  'accuser.view',
  'petition.export',
  'careForm.view',
  'careForm.edit',
  'counselling.view',
  'counselling.edit',
  'followUpAdvice.view',
  'indicators.view',
  'calendar.manage',
  'staff.manage',
  'units.manage',
]);
export type AccessAction = z.infer<typeof AccessAction>;

/** Anything `can` answers for: a procedure permission, an access action, or a workflow action. */
export type CanAction = Permission | AccessAction | PetitionAction;

const viewers: readonly Role[] = ['receptionOfficer', 'lawyer', 'counsellor', 'mediator', 'departmentHandler', 'departmentHead', 'bureauLeader', 'statistician', 'studioHead', 'hallLead', 'streetLeader'];

/** Which roles hold each access action. Health data is for counsellors only (个人信息保护法 Art. 28). */
export const accessRoles = {
  'petition.view': viewers,
  'identity.reveal': ['receptionOfficer', 'lawyer', 'mediator', 'departmentHandler', 'departmentHead', 'bureauLeader', 'hallLead', 'streetLeader'],
  'accuser.view': ['receptionOfficer', 'departmentHandler', 'departmentHead', 'bureauLeader', 'hallLead', 'streetLeader'],
  'petition.export': ['statistician', 'bureauLeader', 'streetLeader'],
  'careForm.view': ['counsellor', 'studioHead'],
  'careForm.edit': ['counsellor', 'studioHead'],
  'counselling.view': ['counsellor', 'studioHead'],
  'counselling.edit': ['counsellor', 'studioHead'],
  'followUpAdvice.view': viewers,
  'indicators.view': ['statistician', 'bureauLeader', 'departmentHead', 'studioHead', 'streetLeader'],
  'calendar.manage': ['administrator'],
  'staff.manage': ['administrator'],
  'units.manage': ['administrator'],
} as const satisfies Record<AccessAction, readonly Role[]>;

/** Actions about the whole system, not one record: no jurisdiction applies. */
const systemActions = new Set<CanAction>(['calendar.manage', 'staff.manage', 'units.manage', 'indicators.view', 'petition.register', 'petition.list', 'staff.self']);

/** Who is asking: a signed-in staff member. */
export interface AccessActor {
  readonly staffId: string;
  readonly role: Role;
  readonly unitId: string;
}

/** The record asked about, with what the rules need. */
export interface AccessTarget {
  /** Units the record belongs to (hall, responsible unit, reviewer…): an actor whose unit covers any of them has jurisdiction. */
  readonly unitIds: readonly string[];
  readonly petitionClass?: PetitionClass | undefined;
  readonly accusedParties?: { readonly unitIds: readonly string[]; readonly staffIds: readonly string[] } | undefined;
  readonly recusedStaffIds?: readonly string[] | undefined;
}

/** Allowed, or refused with a message code. */
export type AccessDecision = { readonly allowed: true } | { readonly allowed: false; readonly code: MessageCode };

/**
 * The access target of a petition: its hall, its responsible unit and its reviewers; its accused; its recused staff.
 * @example accessTargetOf(state).unitIds // [hallUnitId, routedUnitId]
 */
export function accessTargetOf(state: PetitionState): AccessTarget {
  const unitIds = [state.hallUnitId, state.escalatedToUnitId, state.routedTo?.unitId, state.reviewingUnitId, state.recheckingUnitId].filter((id): id is string => id !== undefined);
  return { unitIds, petitionClass: state.petitionClass, accusedParties: state.accusedParties, recusedStaffIds: state.recusedStaffIds };
}

function roleAllows(role: Role, action: CanAction): boolean {
  if (PetitionAction.safeParse(action).success) return roleMayTakeAction(role, action as PetitionAction);
  if (Permission.safeParse(action).success) return roleHasPermission(role, action as Permission);
  return (accessRoles[action as AccessAction] as readonly Role[]).includes(role);
}

/**
 * Whether an actor may do something to a record, and if not, why: role, then jurisdiction over the unit tree
 * (a district covers its streets and their communities; a department its own cases), then the accusation firewall
 * (the accused unit or person never sees the matter or the accuser) and recusal.
 * @example checkAccess(handlerOfAccusedUnit, 'petition.view', accusationTarget, tree) // { allowed: false, code: 'access.accusationFirewall' }
 */
export function checkAccess(actor: AccessActor, action: CanAction, target: AccessTarget, unitTree: UnitTree): AccessDecision {
  if (!roleAllows(actor.role, action)) return { allowed: false, code: 'auth.forbidden' };
  if (systemActions.has(action)) return { allowed: true };
  if (!target.unitIds.some((unitId) => isWithinUnit(unitTree, unitId, actor.unitId))) return { allowed: false, code: 'access.outsideJurisdiction' };
  if (isAccusedReader(actor, target.petitionClass, target.accusedParties, unitTree)) return { allowed: false, code: 'access.accusationFirewall' };
  if (PetitionAction.safeParse(action).success && target.recusedStaffIds?.includes(actor.staffId)) return { allowed: false, code: 'access.recused' };
  return { allowed: true };
}

/**
 * Whether an actor may do something to a record (see {@link checkAccess} for the reason when not).
 * @example can(counsellor, 'careForm.view', target, tree) // true; can(handler, 'careForm.view', target, tree) // false
 */
export function can(actor: AccessActor, action: CanAction, target: AccessTarget, unitTree: UnitTree): boolean {
  return checkAccess(actor, action, target, unitTree).allowed;
}

/**
 * Whether the actor may see who filed the matter: for an accusation, the accuser's identity needs `accuser.view`
 * besides seeing the matter (names are masked otherwise); for any other matter, seeing it is enough.
 * @example mayViewFiler(reception, accusationTarget, tree) // true; mayViewFiler(lawyer, accusationTarget, tree) // false
 */
export function mayViewFiler(actor: AccessActor, target: AccessTarget, unitTree: UnitTree): boolean {
  if (!can(actor, 'petition.view', target, unitTree)) return false;
  return target.petitionClass !== 'accusation' || can(actor, 'accuser.view', target, unitTree);
}

/**
 * Throws a `forbidden` DomainError when {@link checkAccess} refuses.
 * @example assertCan(actor, 'identity.reveal', target, tree)
 */
export function assertCan(actor: AccessActor, action: CanAction, target: AccessTarget, unitTree: UnitTree): void {
  const decision = checkAccess(actor, action, target, unitTree);
  if (!decision.allowed) throw new DomainError(decision.code, 'forbidden');
}
