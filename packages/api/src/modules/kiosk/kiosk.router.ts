import { KioskConfiguration, KioskPlaces, KioskReceipt, KioskSubmission } from '@xinfang/domain/kiosk';
import { publicProcedure, router } from '../../trpc.ts';
import { getKioskConfiguration, listKioskPlaces, submitFromKiosk } from './kiosk.service.ts';

export const kioskRouter = router({
  configuration: publicProcedure.output(KioskConfiguration).query(({ ctx }) => getKioskConfiguration(ctx)),
  places: publicProcedure.output(KioskPlaces).query(({ ctx }) => listKioskPlaces(ctx)),
  submit: publicProcedure
    .input(KioskSubmission)
    .output(KioskReceipt)
    .mutation(({ ctx, input }) => submitFromKiosk(ctx, input)),
});
