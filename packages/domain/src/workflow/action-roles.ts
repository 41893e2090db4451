import type { PetitionAction } from './petition-action.ts';
import type { ActorRole } from './petition-event.ts';

/**
 * Who may take each action. The petitioner acts for themself on the public pages (withdraw, rate, appeal);
 * reception officers record the same on their behalf at the hall. Jurisdiction is checked by `can`.
 */
export const actionRoles = {
  triage: ['lawyer', 'receptionOfficer'],
  divert: ['lawyer', 'receptionOfficer'],
  recordDiversionOutcome: ['lawyer', 'receptionOfficer'],
  startMediation: ['mediator', 'receptionOfficer'],
  concludeMediation: ['mediator'],
  recordJudicialConfirmation: ['mediator'],
  route: ['receptionOfficer', 'bureauLeader'],
  acknowledgeReceipt: ['departmentHandler', 'departmentHead'],
  object: ['departmentHandler', 'departmentHead'],
  recuse: ['receptionOfficer', 'departmentHead', 'bureauLeader'],
  startHandling: ['departmentHandler', 'departmentHead'],
  requestExtension: ['departmentHandler', 'departmentHead'],
  approveExtension: ['departmentHead'],
  pauseClock: ['departmentHandler', 'departmentHead'],
  resumeClock: ['departmentHandler', 'departmentHead'],
  reply: ['departmentHandler', 'departmentHead'],
  recordDelivery: ['receptionOfficer', 'departmentHandler', 'departmentHead'],
  recordEvaluation: ['petitioner', 'receptionOfficer'],
  requestReview: ['petitioner', 'receptionOfficer'],
  answerReview: ['departmentHandler', 'departmentHead'],
  requestRecheck: ['petitioner', 'receptionOfficer'],
  answerRecheck: ['departmentHandler', 'departmentHead'],
  close: ['receptionOfficer', 'departmentHead', 'bureauLeader'],
  notAccept: ['receptionOfficer', 'lawyer', 'bureauLeader'],
  withdraw: ['petitioner', 'receptionOfficer'],
  merge: ['receptionOfficer', 'bureauLeader'],
} as const satisfies Record<PetitionAction, readonly ActorRole[]>;

/**
 * Whether a role may take an action at all (status, jurisdiction and guards aside).
 * @example roleMayTakeAction('departmentHead', 'approveExtension') // true
 */
export function roleMayTakeAction(role: ActorRole, action: PetitionAction): boolean {
  return (actionRoles[action] as readonly ActorRole[]).includes(role);
}
