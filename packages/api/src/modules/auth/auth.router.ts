import { Actor, SignInInput } from '@xinfang/domain/staff';
import { z } from 'zod';
import { publicProcedure, router } from '../../trpc.ts';
import { resolveSession, signIn, signOut } from './auth.service.ts';

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
});
