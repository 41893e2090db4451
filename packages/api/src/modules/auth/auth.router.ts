import { ChangePasswordInput, SessionStatus } from '@xinfang/domain/security/accounts';
import { Actor, SignInInput } from '@xinfang/domain/staff';
import { z } from 'zod';
import { publicProcedure, router, staffProcedure } from '../../trpc.ts';
import { changeOwnPassword, getSessionStatus, resolveSession, signIn, signOut } from './auth.service.ts';

export const authRouter = router({
  signIn: publicProcedure
    .input(SignInInput)
    .output(Actor)
    .mutation(({ ctx, input }) => signIn(ctx, input)),
  signOut: publicProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
    await signOut(ctx);
    return { ok: true as const };
  }),
  /** The signed-in staff member, or null: the console's first call. */
  me: publicProcedure.output(Actor.nullable()).query(async ({ ctx }) => (await resolveSession(ctx))?.actor ?? null),
  /** Like `me`, plus whether the password must be changed before anything else (first sign-in, reset, demo password). */
  session: publicProcedure.output(SessionStatus).query(({ ctx }) => getSessionStatus(ctx)),
  changePassword: staffProcedure('staff.self')
    .input(ChangePasswordInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await changeOwnPassword(ctx, ctx.actor, input);
      return { ok: true as const };
    }),
});
