import { adminRouter } from './modules/admin/admin.router.ts';
import { authRouter } from './modules/auth/auth.router.ts';
import { kioskRouter } from './modules/kiosk/kiosk.router.ts';
import { petitionsRouter } from './modules/petitions/petitions.router.ts';
import { privacyRouter } from './modules/privacy/privacy.router.ts';
import { createCallerFactory, router } from './trpc.ts';

export const appRouter = router({
  admin: adminRouter,
  auth: authRouter,
  kiosk: kioskRouter,
  petitions: petitionsRouter,
  privacy: privacyRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process with a given context: for tests and scripts. */
export const createCaller = createCallerFactory(appRouter);
