import { RevealInput, RevealResult } from '@xinfang/domain/security/privacy';
import { router, staffProcedure } from '../../trpc.ts';
import { revealPersonalData } from './privacy.service.ts';

export const privacyRouter = router({
  /** The full mobile / ID number / address of a petition's petitioner, with a stated reason; audited. A mutation: it writes. */
  reveal: staffProcedure('identity.reveal')
    .input(RevealInput)
    .output(RevealResult)
    .mutation(({ ctx, input }) => revealPersonalData(ctx, input)),
});
