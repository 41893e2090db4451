import { z } from 'zod';
import type { BilingualMessage } from '../messages/messages.ts';
import { CalendarDay } from '../time/calendar-day.ts';

export const ConferenceTaskStatus = z.enum(['open', 'done', 'overdue']);
export type ConferenceTaskStatus = z.infer<typeof ConferenceTaskStatus>;

export const conferenceTaskStatusLabels = {
  open: { zh: '进行中', en: 'Open' },
  done: { zh: '已完成', en: 'Done' },
  overdue: { zh: '已逾期', en: 'Overdue' },
} as const satisfies Record<ConferenceTaskStatus, BilingualMessage>;

/** A decision of a joint conference: a task with an owner unit and a deadline. */
export const ConferenceTask = z.object({
  id: z.string().uuid(),
  text: z.string().trim().min(1, 'validation.required'),
  ownerUnitId: z.string().uuid(),
  dueOn: CalendarDay,
  doneOn: CalendarDay.optional(),
});
export type ConferenceTask = z.infer<typeof ConferenceTask>;

/** 信访联席会议: departments present, cases on the agenda, decisions as tasks. */
export const JointConference = z.object({
  id: z.string().uuid(),
  heldOn: CalendarDay,
  chairStaffId: z.string().uuid(),
  unitIdsPresent: z.array(z.string().uuid()).min(1),
  agendaPetitionIds: z.array(z.string().uuid()).default([]),
  tasks: z.array(ConferenceTask).default([]),
});
export type JointConference = z.infer<typeof JointConference>;

/**
 * A task's status on a day.
 * @example conferenceTaskStatus({ dueOn: '2025-03-01' }, '2025-03-02') // 'overdue'
 */
export function conferenceTaskStatus(task: Pick<ConferenceTask, 'dueOn' | 'doneOn'>, today: string): ConferenceTaskStatus {
  if (task.doneOn !== undefined) return 'done';
  return today > task.dueOn ? 'overdue' : 'open';
}
