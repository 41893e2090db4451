import { PublicTimeline, RateInput, ReviewRequestInput, TrackingLookup } from '@xinfang/domain/kiosk/tracking';
import { publicProcedure, router } from '../../trpc.ts';
import { lookUpTimeline, rateReply, requestReview } from './tracking.service.ts';

/** Public tracking: one's own matter behind the tracking code + the last 4 digits of the mobile number. */
export const trackingRouter = router({
  lookup: publicProcedure
    .input(TrackingLookup)
    .output(PublicTimeline)
    .mutation(({ ctx, input }) => lookUpTimeline(ctx, input)),
  rate: publicProcedure
    .input(RateInput)
    .output(PublicTimeline)
    .mutation(({ ctx, input }) => rateReply(ctx, input)),
  requestReview: publicProcedure
    .input(ReviewRequestInput)
    .output(PublicTimeline)
    .mutation(({ ctx, input }) => requestReview(ctx, input)),
});
