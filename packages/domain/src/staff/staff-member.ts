import { z } from 'zod';
import { Role } from './staff.ts';

/** A staff member as administered: the roles and the unit they act for. */
export const StaffMember = z.object({
  id: z.string().uuid(),
  username: z.string().trim().min(1, 'validation.required').max(64, 'validation.text.tooLong'),
  displayName: z.string().trim().min(1, 'validation.required').max(50, 'validation.text.tooLong'),
  role: Role,
  unitId: z.string().uuid(),
  active: z.boolean().default(true),
});
export type StaffMember = z.infer<typeof StaffMember>;
