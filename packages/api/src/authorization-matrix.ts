import type { Permission } from '@xinfang/domain/permissions';
import { roleHasPermission } from '@xinfang/domain/permissions';
import { Role } from '@xinfang/domain/staff';
import { PetitionAction } from '@xinfang/domain/workflow/petition-action';
import { recordKinds } from '@xinfang/domain/records/record-kinds';

/**
 * The expected authorisation of every procedure of `appRouter`. `authorization-matrix.db.test.ts` walks the router and
 * fails when a procedure has no row here, when its declared permission differs from its row, or when a real call on a
 * real database does not match the expected decision for any role, in and out of jurisdiction.
 *
 * Adding a procedure: add one row. Which roles may call it follows from the domain's permission table
 * (`rolesByPermission`); list a deliberate deviation in `roleExceptions` with the reason. Scope says what
 * "jurisdiction" means for it:
 * - `public`: anyone, signed in or not (kiosk, tracking, sign-in);
 * - `self`: the signed-in staff member's own account;
 * - `system`: not about one record or unit (configuration);
 * - `jurisdiction`: about records or accounts that belong to units: the test needs an in- and an out-of-jurisdiction
 *   case for it in `jurisdictionCases` (authorization-matrix.db.test.ts), or it fails.
 */
export type ProcedureScope = 'public' | 'self' | 'system' | 'jurisdiction';

export interface MatrixRow {
  permission: Permission | 'public';
  scope: ProcedureScope;
  /**
   * A `jurisdiction`-scoped procedure whose jurisdiction check is the same code path as another's (e.g. every workflow
   * step goes through `performAction`): that procedure's cases cover it. Name the shared function in `why`.
   */
  sharesJurisdictionCheckWith?: string;
  /** Why the row is what it is, when that is not obvious (a deliberate cross-jurisdiction read, a shared check). */
  why?: string;
  /** The roles allowed, when narrower than the permission's (a record kind's own access rule). */
  roles?: readonly Role[];
}

/** The record kinds' procedures, from their declarations: each operation's roles are the kind's own. */
const recordProcedures: Record<string, MatrixRow> = Object.fromEntries(
  Object.entries(recordKinds).flatMap(([name, kind]) =>
    (
      [
        ['create', kind.access.create],
        ['update', kind.access.update],
        ['get', kind.access.read],
        ['list', kind.access.read],
      ] as const
    ).map(([procedure, roles]) => [
      `records.${name}.${procedure}`,
      {
        permission: 'records.use',
        scope: 'jurisdiction',
        roles,
        ...(procedure === 'get' && name === 'careForm'
          ? {}
          : { sharesJurisdictionCheckWith: 'records.careForm.get', why: 'every kind and operation reads through getRecord / listRecords (unit path of the record)' }),
      } satisfies MatrixRow,
    ]),
  ),
);

/**
 * The workflow steps: one procedure per domain action, all through `performAction` (load, `checkAccess`,
 * `applyAction`, save); `petitions.withdraw` carries the real jurisdiction cases for all of them.
 */
const workflowSteps = PetitionAction.options.filter((action) => action !== 'withdraw');

export const authorizationMatrix: Record<string, MatrixRow> = {
  'admin.listStaff': { permission: 'staff.manage', scope: 'jurisdiction' },
  'admin.createStaff': { permission: 'staff.manage', scope: 'jurisdiction' },
  'admin.setStaffDisabled': { permission: 'staff.manage', scope: 'jurisdiction' },
  'admin.resetPassword': { permission: 'staff.manage', scope: 'jurisdiction' },
  'admin.confirmStaff': { permission: 'staff.manage', scope: 'jurisdiction' },
  'audit.list': { permission: 'audit.view', scope: 'system', why: 'administrators audit the whole system; rows hold ids, actions, outcomes and reasons, never input or revealed values' },
  'audit.verify': { permission: 'audit.view', scope: 'system' },
  'auth.signIn': { permission: 'public', scope: 'public' },
  'auth.signOut': { permission: 'public', scope: 'public' },
  'auth.me': { permission: 'public', scope: 'public' },
  'auth.session': { permission: 'public', scope: 'public' },
  'auth.changePassword': { permission: 'staff.self', scope: 'self' },
  'kiosk.configuration': { permission: 'public', scope: 'public' },
  'kiosk.submit': { permission: 'public', scope: 'public' },
  'kiosk.places': { permission: 'public', scope: 'public' },
  'tracking.lookup': { permission: 'public', scope: 'public' },
  'tracking.rate': { permission: 'public', scope: 'public' },
  'tracking.requestReview': { permission: 'public', scope: 'public' },
  'petitions.list': { permission: 'petition.list', scope: 'jurisdiction' },
  'petitions.queue': { permission: 'petition.list', scope: 'jurisdiction' },
  'petitions.queueCounts': { permission: 'petition.list', scope: 'jurisdiction', sharesJurisdictionCheckWith: 'petitions.queue', why: 'the same scopeOf(ctx) filter in queries.service' },
  'petitions.exportQueue': { permission: 'petition.export', scope: 'jurisdiction', sharesJurisdictionCheckWith: 'petitions.queue', why: 'pages through getQueuePage' },
  'petitions.myQueues': { permission: 'petition.list', scope: 'self', why: 'the menu of the reader’s own role' },
  'petitions.get': { permission: 'petition.view', scope: 'jurisdiction' },
  'petitions.register': { permission: 'petition.register', scope: 'system', why: 'registration creates a record in the officer’s own hall' },
  'petitions.repeatCandidates': {
    permission: 'petition.register',
    scope: 'system',
    why: 'deliberately district-wide: a repeat is found wherever the person went before (shows summary and status, never identity)',
  },
  'petitions.withdraw': { permission: 'petition.act', scope: 'jurisdiction' },
  ...Object.fromEntries(
    workflowSteps.map((step) => [
      `petitions.${step}`,
      { permission: 'petition.act', scope: 'jurisdiction', sharesJurisdictionCheckWith: 'petitions.withdraw', why: 'every step goes through performAction' } satisfies MatrixRow,
    ]),
  ),
  'documents.get': { permission: 'petition.view', scope: 'jurisdiction', sharesJurisdictionCheckWith: 'petitions.get', why: 'assertMayView on the document’s petition' },
  'documents.pdf': { permission: 'petition.view', scope: 'jurisdiction', sharesJurisdictionCheckWith: 'petitions.get', why: 'the same viewableDocument (assertMayView) as documents.get' },
  'attachments.list': { permission: 'petition.view', scope: 'jurisdiction' },
  'attachments.image': { permission: 'petition.view', scope: 'jurisdiction' },
  'calendar.overview': { permission: 'staff.self', scope: 'system' },
  'calendar.loadYear': { permission: 'calendar.manage', scope: 'system' },
  'units.tree': { permission: 'staff.self', scope: 'system', why: 'the unit tree is not confidential' },
  'units.staff': { permission: 'petition.act', scope: 'system', why: 'a staff directory for assignment pickers: names and roles only' },
  'privacy.reveal': { permission: 'identity.reveal', scope: 'jurisdiction' },
  'search.petitions': { permission: 'petition.list', scope: 'jurisdiction' },
  'indicators.list': { permission: 'indicators.view', scope: 'system', why: 'the definitions are code, not records' },
  'indicators.compute': { permission: 'indicators.view', scope: 'jurisdiction', why: 'counts of a scope the reader reaches (resolveScope in indicators.service)' },
  'indicators.breakdown': { permission: 'indicators.view', scope: 'jurisdiction', sharesJurisdictionCheckWith: 'indicators.compute', why: 'the same resolveScope in indicators.service' },
  'indicators.drillDown': {
    permission: 'indicators.view',
    scope: 'jurisdiction',
    sharesJurisdictionCheckWith: 'indicators.compute',
    why: 'resolveScope in indicators.service, then the rows through visibleToReader(readerScopeOf) like every petition list',
  },
  ...recordProcedures,
};

/** Deliberate deviations from the permission table, each with its reason. Empty today. */
export const roleExceptions: readonly { procedure: string; role: Role; allowed: boolean; reason: string }[] = [];

export type Decision = 'allowed' | 'denied';

/** The expected decision for a role calling a procedure (before jurisdiction). */
export function expectedRoleDecision(procedure: string, role: Role): Decision {
  const row = authorizationMatrix[procedure];
  if (!row) return 'denied';
  const exception = roleExceptions.find((candidate) => candidate.procedure === procedure && candidate.role === role);
  if (exception) return exception.allowed ? 'allowed' : 'denied';
  if (row.roles) return row.roles.includes(role) && (row.permission === 'public' || roleHasPermission(role, row.permission)) ? 'allowed' : 'denied';
  return row.permission === 'public' || roleHasPermission(role, row.permission) ? 'allowed' : 'denied';
}

/**
 * The whole table, procedure × role × in/out of jurisdiction → decision, generated from the rows above:
 * out of jurisdiction, a `jurisdiction`-scoped procedure is denied (refused, or the records filtered out).
 */
export function expandAuthorizationMatrix(): { procedure: string; role: Role; jurisdiction: 'in' | 'out'; decision: Decision }[] {
  return Object.entries(authorizationMatrix).flatMap(([procedure, row]) =>
    Role.options.flatMap((role) =>
      (['in', 'out'] as const).map((jurisdiction) => {
        const byRole = expectedRoleDecision(procedure, role);
        const decision: Decision = jurisdiction === 'out' && row.scope === 'jurisdiction' ? 'denied' : byRole;
        return { procedure, role, jurisdiction, decision };
      }),
    ),
  );
}
