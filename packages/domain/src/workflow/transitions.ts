import type { PetitionStatus } from '../petition/petition.ts';
import type { PetitionAction } from './petition-action.ts';

/**
 * The workflow as data: for each status, the actions the table allows. Guards (guards.ts) may still refuse
 * an allowed action for a given petition, actor or command. The console shows buttons from this table.
 */
export const workflowTable = {
  registered: ['triage', 'notAccept', 'withdraw', 'merge', 'recuse'],
  triaged: ['divert', 'route', 'startMediation', 'notAccept', 'withdraw', 'merge', 'recuse'],
  diverted: ['recordDiversionOutcome', 'close'],
  mediating: ['concludeMediation', 'withdraw', 'recuse'],
  routed: ['acknowledgeReceipt', 'object', 'withdraw', 'recuse'],
  objected: ['route', 'notAccept', 'withdraw'],
  received: ['startHandling', 'withdraw', 'merge', 'recuse'],
  handling: ['requestExtension', 'approveExtension', 'pauseClock', 'resumeClock', 'reply', 'withdraw', 'recuse'],
  extended: ['pauseClock', 'resumeClock', 'reply', 'withdraw', 'recuse'],
  replied: ['recordDelivery', 'correctDelivery', 'recordEvaluation', 'requestReview', 'close'],
  evaluated: ['recordDelivery', 'correctDelivery', 'requestReview', 'close'],
  reviewRequested: ['pauseClock', 'resumeClock', 'answerReview', 'withdraw', 'recuse'],
  reviewed: ['recordDelivery', 'correctDelivery', 'requestRecheck', 'close'],
  recheckRequested: ['pauseClock', 'resumeClock', 'answerRecheck', 'withdraw', 'recuse'],
  rechecked: ['recordDelivery', 'correctDelivery', 'close'],
  closed: ['recordJudicialConfirmation'],
  notAccepted: [],
  withdrawn: [],
  merged: [],
} as const satisfies Record<PetitionStatus, readonly PetitionAction[]>;

/**
 * Where an action leads. `undefined` means the action records something and leaves the status as it is;
 * `concludeMediation` depends on its result (see {@link nextStatus}).
 */
export const actionTargets = {
  triage: 'triaged',
  divert: 'diverted',
  recordDiversionOutcome: undefined,
  startMediation: 'mediating',
  concludeMediation: 'closed',
  recordJudicialConfirmation: undefined,
  route: 'routed',
  acknowledgeReceipt: 'received',
  object: 'objected',
  recuse: undefined,
  startHandling: 'handling',
  requestExtension: undefined,
  approveExtension: 'extended',
  pauseClock: undefined,
  resumeClock: undefined,
  reply: 'replied',
  recordDelivery: undefined,
  correctDelivery: undefined,
  recordEvaluation: 'evaluated',
  requestReview: 'reviewRequested',
  answerReview: 'reviewed',
  requestRecheck: 'recheckRequested',
  answerRecheck: 'rechecked',
  close: 'closed',
  notAccept: 'notAccepted',
  withdraw: 'withdrawn',
  merge: 'merged',
} as const satisfies Record<PetitionAction, PetitionStatus | undefined>;

/** Statuses from which nothing more happens to the matter itself. */
export const finalStatuses = ['closed', 'notAccepted', 'withdrawn', 'merged'] as const satisfies readonly PetitionStatus[];

/**
 * Whether the table allows `action` in `status` (guards aside).
 * @example isActionInTable('registered', 'triage') // true
 */
export function isActionInTable(status: PetitionStatus, action: PetitionAction): boolean {
  return (workflowTable[status] as readonly PetitionAction[]).includes(action);
}

/**
 * The status after `action` taken in `status`; for a mediation, `agreement` closes the matter and
 * `terminated` sends it back to triage so it can be routed or diverted.
 * @example nextStatus('routed', 'acknowledgeReceipt') // 'received'
 */
export function nextStatus(status: PetitionStatus, action: PetitionAction, mediationResult?: 'agreement' | 'terminated'): PetitionStatus {
  if (action === 'concludeMediation' && mediationResult === 'terminated') return 'triaged';
  return actionTargets[action] ?? status;
}
