import type { Permission } from '@xinfang/domain/permissions';
import { roleHasPermission } from '@xinfang/domain/permissions';
import { Role } from '@xinfang/domain/staff';

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
}

export const authorizationMatrix: Record<string, MatrixRow> = {
  'admin.listStaff': { permission: 'staff.manage', scope: 'jurisdiction' },
  'admin.createStaff': { permission: 'staff.manage', scope: 'jurisdiction' },
  'admin.setStaffDisabled': { permission: 'staff.manage', scope: 'jurisdiction' },
  'admin.resetPassword': { permission: 'staff.manage', scope: 'jurisdiction' },
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
  'privacy.reveal': { permission: 'identity.reveal', scope: 'jurisdiction' },
  'search.petitions': { permission: 'petition.list', scope: 'jurisdiction' },
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
