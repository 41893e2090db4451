import type { PetitionAction } from './petition-action.ts';
import type { ActorRole } from './petition-event.ts';

/**
 * Who may take each action. The petitioner acts for themself on the public pages (withdraw, rate, appeal);
 * reception officers record the same on their behalf at the hall. Jurisdiction is checked by `can`.
 */
export const actionRoles = {
  triage: ['lawyer', 'receptionOfficer', 'hallLead'],
  divert: ['lawyer', 'receptionOfficer', 'hallLead'],
  recordDiversionOutcome: ['lawyer', 'receptionOfficer', 'hallLead'],
  startMediation: ['mediator', 'receptionOfficer', 'hallLead'],
  concludeMediation: ['mediator'],
  recordJudicialConfirmation: ['mediator'],
  route: ['receptionOfficer', 'bureauLeader', 'hallLead', 'streetLeader'],
  acknowledgeReceipt: ['departmentHandler', 'departmentHead'],
  object: ['departmentHandler', 'departmentHead'],
  recuse: ['receptionOfficer', 'departmentHead', 'bureauLeader', 'hallLead', 'streetLeader'],
  startHandling: ['departmentHandler', 'departmentHead'],
  requestExtension: ['departmentHandler', 'departmentHead'],
  approveExtension: ['departmentHead'],
  pauseClock: ['departmentHandler', 'departmentHead'],
  resumeClock: ['departmentHandler', 'departmentHead'],
  reply: ['departmentHandler', 'departmentHead'],
  recordDelivery: ['receptionOfficer', 'departmentHandler', 'departmentHead', 'hallLead'],
  // a correction of a recorded delivery date is its own action, audited like every other
  correctDelivery: ['receptionOfficer', 'departmentHandler', 'departmentHead', 'hallLead'],
  recordEvaluation: ['petitioner', 'receptionOfficer', 'hallLead'],
  requestReview: ['petitioner', 'receptionOfficer', 'hallLead'],
  answerReview: ['departmentHandler', 'departmentHead'],
  requestRecheck: ['petitioner', 'receptionOfficer', 'hallLead'],
  answerRecheck: ['departmentHandler', 'departmentHead'],
  close: ['receptionOfficer', 'departmentHead', 'bureauLeader', 'hallLead', 'streetLeader'],
  notAccept: ['receptionOfficer', 'lawyer', 'bureauLeader', 'hallLead', 'streetLeader'],
  withdraw: ['petitioner', 'receptionOfficer', 'hallLead'],
  merge: ['receptionOfficer', 'bureauLeader', 'hallLead', 'streetLeader'],
} as const satisfies Record<PetitionAction, readonly ActorRole[]>;

/**
 * Whether a role may take an action at all (status, jurisdiction and guards aside).
 * @example roleMayTakeAction('departmentHead', 'approveExtension') // true
 */
export function roleMayTakeAction(role: ActorRole, action: PetitionAction): boolean {
  return (actionRoles[action] as readonly ActorRole[]).includes(role);
}
