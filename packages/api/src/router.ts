import { adminRouter } from './modules/admin/admin.router.ts';
import { attachmentsRouter } from './modules/attachments/attachments.router.ts';
import { auditRouter } from './modules/audit/audit.router.ts';
import { authRouter } from './modules/auth/auth.router.ts';
import { calendarRouter } from './modules/calendar/calendar.router.ts';
import { documentsRouter } from './modules/documents/documents.router.ts';
import { indicatorsRouter } from './modules/indicators/indicators.router.ts';
import { unitsRouter } from './modules/units/units.router.ts';
import { kioskRouter } from './modules/kiosk/kiosk.router.ts';
import { petitionsRouter } from './modules/petitions/petitions.router.ts';
import { privacyRouter } from './modules/privacy/privacy.router.ts';
import { recordsRouter } from './modules/records/records.router.ts';
import { searchRouter } from './modules/search/search.router.ts';
import { trackingRouter } from './modules/tracking/tracking.router.ts';
import { createCallerFactory, router } from './trpc.ts';

export const appRouter = router({
  admin: adminRouter,
  attachments: attachmentsRouter,
  audit: auditRouter,
  auth: authRouter,
  kiosk: kioskRouter,
  petitions: petitionsRouter,
  calendar: calendarRouter,
  documents: documentsRouter,
  indicators: indicatorsRouter,
  units: unitsRouter,
  privacy: privacyRouter,
  records: recordsRouter,
  search: searchRouter,
  tracking: trackingRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process with a given context: for tests and scripts. */
export const createCaller = createCallerFactory(appRouter);
