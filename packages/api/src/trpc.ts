import { initTRPC, TRPCError } from '@trpc/server';
import { DomainError, isDomainError, type DomainErrorKind } from '@xinfang/domain/errors';
import { translateMessage } from '@xinfang/domain/messages';
import type { Permission } from '@xinfang/domain/permissions';
import { roleHasPermission } from '@xinfang/domain/permissions';
import type { Actor } from '@xinfang/domain/staff';
import { z, ZodError } from 'zod';
import type { ApiContext } from './context.ts';
import { resolveSession } from './modules/auth/auth.service.ts';
import { appendAudit } from '@xinfang/db/repositories/audit';
import { isDatabaseUnavailable } from '@xinfang/db/database';

/** Every procedure declares who may call it: `public` or a permission. */
export interface ProcedureMeta {
  permission: Permission | 'public';
}

/**
 * The error contract of both apps: a rule or validation error is 422 (naming the field when there is one), 409 only a
 * stale version (saying who changed what), 429 with the seconds to wait. 400 is left for requests that are not
 * well-formed at all (malformed JSON, wrong method).
 */
const statusOfKind: Record<DomainErrorKind, TRPCError['code']> = {
  invalid: 'UNPROCESSABLE_CONTENT',
  notFound: 'NOT_FOUND',
  conflict: 'CONFLICT',
  forbidden: 'FORBIDDEN',
  unauthenticated: 'UNAUTHORIZED',
  tooManyRequests: 'TOO_MANY_REQUESTS',
};

// A value missing altogether (no key: a form left the field empty) is "required", not zod's "expected string, received
// undefined", wherever a schema gives no message of its own (a schema's own message always wins over this one).
z.config({ customError: (issue) => (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value') ? 'validation.required' : undefined) });

export interface FieldError {
  code: string;
  zh: string;
  en: string;
}

function fieldErrorsOf(error: ZodError): Record<string, FieldError> {
  const fields: Record<string, FieldError> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    if (fields[key]) continue;
    // our schemas put a message code in `message`; zod's own messages (wrong type…) fall back to the generic one
    const code = /^[a-z]+(\.[a-zA-Z]+)+$/.test(issue.message) ? issue.message : 'validation.invalid';
    fields[key] = { code, zh: translateMessage(code, 'zh'), en: translateMessage(code, 'en') };
  }
  return fields;
}

/** A rule about one input field (`DomainFieldError`: a date out of range…) is shown beside it, like a schema's field error. */
function ruleFieldErrors(error: { code: string; messageZh: string; messageEn: string }): Record<string, FieldError> | null {
  const field = 'field' in error && typeof error.field === 'string' ? error.field : undefined;
  return field === undefined ? null : { [field]: { code: error.code, zh: error.messageZh, en: error.messageEn } };
}

const t = initTRPC
  .context<ApiContext>()
  .meta<ProcedureMeta>()
  .create({
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      if (cause instanceof ZodError) {
        return {
          ...shape,
          message: translateMessage('validation.invalid', 'en'),
          data: { ...shape.data, stack: undefined, messageCode: 'validation.invalid', messageZh: translateMessage('validation.invalid', 'zh'), fieldErrors: fieldErrorsOf(cause) },
        };
      }
      if (isDomainError(cause)) {
        return {
          ...shape,
          message: cause.messageEn,
          data: { ...shape.data, stack: undefined, messageCode: cause.code, messageZh: cause.messageZh, fieldErrors: ruleFieldErrors(cause), retryAfterSeconds: cause.retryAfterSeconds ?? null },
        };
      }
      if (error.code === 'SERVICE_UNAVAILABLE') {
        return {
          ...shape,
          message: translateMessage('server.unavailable', 'en'),
          data: { ...shape.data, stack: undefined, messageCode: 'server.unavailable', messageZh: translateMessage('server.unavailable', 'zh'), fieldErrors: null },
        };
      }
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        return {
          ...shape,
          message: translateMessage('server.error', 'en'),
          data: { ...shape.data, stack: undefined, messageCode: 'server.error', messageZh: translateMessage('server.error', 'zh'), fieldErrors: null },
        };
      }
      // tRPC's own refusals (malformed JSON, unknown procedure, wrong method…) get a clear bilingual message too
      const code = error.code === 'TOO_MANY_REQUESTS' ? 'request.rateLimited' : error.code === 'PAYLOAD_TOO_LARGE' ? 'request.tooLarge' : 'validation.invalid';
      return {
        ...shape,
        message: translateMessage(code, 'en'),
        data: { ...shape.data, stack: undefined, messageCode: code, messageZh: translateMessage(code, 'zh'), fieldErrors: null },
      };
    },
  });

/**
 * Turns a DomainError thrown anywhere below into the matching tRPC error, and a lost or refused database connection
 * into 503 (the client may retry; the next request gets a fresh connection); only this file knows tRPC codes.
 */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  // an input that fails its schema is a validation error like a rule's: 422 with its fields (tRPC says 400)
  if (!result.ok && result.error.code === 'BAD_REQUEST' && result.error.cause instanceof ZodError) {
    throw new TRPCError({ code: 'UNPROCESSABLE_CONTENT', message: translateMessage('validation.invalid', 'en'), cause: result.error.cause });
  }
  if (!result.ok && isDomainError(result.error.cause)) {
    const cause = result.error.cause;
    throw new TRPCError({ code: statusOfKind[cause.kind], message: cause.messageEn, cause });
  }
  if (!result.ok && result.error.code === 'INTERNAL_SERVER_ERROR' && isDatabaseUnavailable(result.error.cause)) {
    throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: translateMessage('server.unavailable', 'en'), cause: result.error.cause });
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Anyone, including the kiosk and the public tracking page. */
export const publicProcedure = t.procedure.use(domainErrors).meta({ permission: 'public' });

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The record a call is about, if its raw input names one by uuid; never copies other input (it may hold personal data). */
function targetOf(rawInput: unknown): { targetType: string; targetId: string } | undefined {
  if (!rawInput || typeof rawInput !== 'object') return undefined;
  const record = rawInput as Record<string, unknown>;
  for (const [field, targetType] of [
    ['petitionId', 'petition'],
    ['staffId', 'staff'],
    ['id', 'record'],
  ] as const) {
    const value = record[field];
    if (typeof value === 'string' && uuidPattern.test(value)) return { targetType, targetId: value };
  }
  return undefined;
}

/**
 * Records a staff member's state-changing call (who, what, when, from where, outcome) in the audit log, in its own
 * statement after the call. Services that need the record inside their own transaction (reveals, exports,
 * registration) write a second, more specific one there.
 */
async function recordStaffCall(ctx: ApiContext, path: string, actor: Actor, outcome: string, rawInput: unknown): Promise<void> {
  const target = targetOf(rawInput);
  await appendAudit(ctx.db, {
    occurredAt: ctx.now(),
    actorId: actor.staffId,
    actorRole: actor.role,
    action: `call:${path}`,
    targetType: target?.targetType ?? null,
    targetId: target?.targetId ?? null,
    ip: ctx.clientIp,
    details: { outcome },
  });
}

/**
 * A signed-in staff member holding `permission`; puts the actor (and their unit's path) on the context.
 * Refuses every permission but `staff.self` while the account must change its password, and while an account whose
 * password an administrator set waits for a different administrator's confirmation (the one who set it knows the
 * temporary password, so its holder's first change alone proves nothing). Every mutation, allowed or refused, is
 * recorded in the audit log.
 * @example staffProcedure('petition.list').input(…).query(…)
 */
export function staffProcedure(permission: Permission) {
  return t.procedure
    .use(domainErrors)
    .meta({ permission })
    .use(async ({ ctx, next, type, path, getRawInput }) => {
      const resolved = await resolveSession(ctx);
      if (!resolved) throw new DomainError('auth.required', 'unauthenticated');
      const refusal = !roleHasPermission(resolved.actor.role, permission)
        ? new DomainError('auth.forbidden', 'forbidden')
        : resolved.mustChangePassword && permission !== 'staff.self'
          ? new DomainError('auth.passwordChangeRequired', 'forbidden')
          : resolved.awaitingConfirmation && permission !== 'staff.self'
            ? new DomainError('auth.confirmationPending', 'forbidden')
            : undefined;
      const rawInput = type === 'mutation' ? await getRawInput().catch(() => undefined) : undefined;
      if (refusal) {
        if (type === 'mutation') await recordStaffCall(ctx, path, resolved.actor, `refused:${refusal.code}`, rawInput);
        throw refusal;
      }
      const result = await next({ ctx: { ...ctx, actor: resolved.actor satisfies Actor, unitPath: resolved.unitPath } });
      if (type === 'mutation') {
        const cause = result.ok ? undefined : result.error.cause;
        const outcome = result.ok ? 'ok' : isDomainError(cause) ? `refused:${cause.code}` : `failed:${result.error.code}`;
        await recordStaffCall(ctx, path, resolved.actor, outcome, rawInput);
      }
      return result;
    });
}
