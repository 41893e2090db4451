import { KioskConfiguration, KioskReceipt, KioskSubmission } from '@xinfang/domain/kiosk';
import { publicProcedure, router } from '../../trpc.ts';
import { getKioskConfiguration, submitFromKiosk } from './kiosk.service.ts';

export const kioskRouter = router({
  configuration: publicProcedure.output(KioskConfiguration).query(({ ctx }) => getKioskConfiguration(ctx)),
  submit: publicProcedure
    .input(KioskSubmission)
    .output(KioskReceipt)
    .mutation(({ ctx, input }) => submitFromKiosk(ctx, input)),
});
