import { authRouter } from './modules/auth/auth.router.ts';
import { kioskRouter } from './modules/kiosk/kiosk.router.ts';
import { petitionsRouter } from './modules/petitions/petitions.router.ts';
import { createCallerFactory, router } from './trpc.ts';

export const appRouter = router({
  auth: authRouter,
  kiosk: kioskRouter,
  petitions: petitionsRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process with a given context: for tests and scripts. */
export const createCaller = createCallerFactory(appRouter);
