import { CreateStaffInput, ResetPasswordInput, SetStaffDisabledInput, StaffAccount, StaffAccountList, StaffIdInput } from '@xinfang/domain/security/accounts';
import { z } from 'zod';
import { router, staffProcedure } from '../../trpc.ts';
import { confirmAccount, createAccount, listAccounts, resetAccountPassword, setAccountDisabled } from './admin.service.ts';

/** Account administration: administrators manage the accounts of their unit and the units below it. */
export const adminRouter = router({
  listStaff: staffProcedure('staff.manage')
    .input(z.object({}).strict().optional())
    .output(StaffAccountList)
    .query(({ ctx }) => listAccounts(ctx)),
  createStaff: staffProcedure('staff.manage')
    .input(CreateStaffInput)
    .output(StaffAccount)
    .mutation(({ ctx, input }) => createAccount(ctx, input)),
  setStaffDisabled: staffProcedure('staff.manage')
    .input(SetStaffDisabledInput)
    .output(StaffAccount)
    .mutation(({ ctx, input }) => setAccountDisabled(ctx, input.staffId, input.disabled)),
  resetPassword: staffProcedure('staff.manage')
    .input(ResetPasswordInput)
    .output(StaffAccount)
    .mutation(({ ctx, input }) => resetAccountPassword(ctx, input.staffId, input.temporaryPassword)),
  /** A second administrator confirms an account whose holder has replaced the temporary password (two-person rule). */
  confirmStaff: staffProcedure('staff.manage')
    .input(StaffIdInput)
    .output(StaffAccount)
    .mutation(({ ctx, input }) => confirmAccount(ctx, input.staffId)),
});
