import type { BilingualMessage } from '../messages/messages.ts';
import type { Light } from '../petition/petition.ts';
import { type CalendarDay, daysBetween, shanghaiDay } from '../time/calendar-day.ts';
import type { PetitionEvent } from '../workflow/petition-event.ts';
import type { ClockKind } from './clock-kind.ts';
import { clockParties, type ClockPolicy } from './clock-rules.ts';
import { computeDueDate, type DueDate } from './due-date.ts';
import type { WorkCalendar } from './work-calendar.ts';

/** One clock of a petition, as of `now`. */
export interface ClockReading {
  readonly kind: ClockKind;
  readonly party: 'unit' | 'petitioner';
  readonly state: 'running' | 'paused' | 'stopped';
  /** The trigger day; counting starts the day after. */
  readonly startedOn: CalendarDay;
  readonly stoppedOn?: CalendarDay | undefined;
  readonly statutory: DueDate;
  readonly localTarget?: DueDate | undefined;
  readonly extensionDays: number;
  readonly pausedDays: number;
  /**
   * green: on track; yellow: past the local target or within the policy's warning days of the limit;
   * red: past the statutory limit (for a petitioner's window: the window has closed).
   */
  readonly light: Light;
  readonly uncertain: boolean;
  readonly explanation: BilingualMessage;
}

interface ClockRun {
  startedOn: CalendarDay;
  stoppedOn?: CalendarDay | undefined;
  pauses: { from: CalendarDay; to?: CalendarDay | undefined }[];
  extensionDays: number;
}

type Runs = Map<ClockKind, ClockRun>;

function start(runs: Runs, kind: ClockKind, startedOn: CalendarDay): void {
  runs.set(kind, { startedOn, pauses: [], extensionDays: 0 });
}

function stop(runs: Runs, kinds: readonly ClockKind[], stoppedOn: CalendarDay): void {
  for (const kind of kinds) {
    const run = runs.get(kind);
    if (run && run.stoppedOn === undefined) {
      run.stoppedOn = stoppedOn;
      const open = run.pauses.at(-1);
      if (open && open.to === undefined) open.to = stoppedOn;
    }
  }
}

const everyClock: readonly ClockKind[] = [
  'route',
  'receiptNotice',
  'objection',
  'conclude',
  'requestReview',
  'answerReview',
  'requestRecheck',
  'answerRecheck',
];

/** Which events start, stop, pause or extend which clock (DOMAIN.md §4). */
function collectRuns(events: readonly PetitionEvent[]): Runs {
  const runs: Runs = new Map();
  for (const event of events) {
    const day = shanghaiDay(event.occurredAt);
    switch (event.type) {
      case 'registered':
        start(runs, 'route', shanghaiDay(event.payload.receivedAt));
        break;
      case 'routed':
        stop(runs, ['route'], day);
        start(runs, 'receiptNotice', day);
        start(runs, 'objection', day);
        break;
      case 'objected':
        stop(runs, ['receiptNotice', 'objection'], day);
        // the matter is back with the bureau, which must route it again
        start(runs, 'route', day);
        break;
      case 'diverted':
      case 'mediationStarted':
        stop(runs, ['route'], day);
        break;
      case 'receiptAcknowledged':
        stop(runs, ['receiptNotice', 'objection'], day);
        start(runs, 'conclude', day);
        break;
      case 'extensionApproved': {
        const run = runs.get('conclude');
        if (run) run.extensionDays += event.payload.days;
        break;
      }
      case 'clockPaused': {
        const run = runs.get(event.payload.clock);
        if (run && run.stoppedOn === undefined) run.pauses.push({ from: day });
        break;
      }
      case 'clockResumed': {
        const open = runs.get(event.payload.clock)?.pauses.at(-1);
        if (open && open.to === undefined) open.to = day;
        break;
      }
      case 'replied':
        stop(runs, ['conclude'], day);
        if (event.payload.deliveredAt !== undefined) start(runs, 'requestReview', shanghaiDay(event.payload.deliveredAt));
        break;
      // a corrected delivery date moves the petitioner's window too, unless they have already used it
      case 'deliveryRecorded':
      case 'deliveryCorrected': {
        const window = event.payload.document === 'reply' ? 'requestReview' : event.payload.document === 'reviewAnswer' ? 'requestRecheck' : undefined;
        if (window && runs.get(window)?.stoppedOn === undefined) start(runs, window, shanghaiDay(event.payload.deliveredAt));
        break;
      }
      case 'reviewRequested':
        stop(runs, ['requestReview'], day);
        start(runs, 'answerReview', day);
        break;
      case 'reviewAnswered':
        stop(runs, ['answerReview'], day);
        if (event.payload.deliveredAt !== undefined) start(runs, 'requestRecheck', shanghaiDay(event.payload.deliveredAt));
        break;
      case 'recheckRequested':
        stop(runs, ['requestRecheck'], day);
        start(runs, 'answerRecheck', day);
        break;
      case 'recheckAnswered':
        stop(runs, ['answerRecheck'], day);
        break;
      case 'mediationConcluded':
        if (event.payload.result === 'agreement' && event.payload.agreementEffectiveOn !== undefined) {
          start(runs, 'judicialConfirmation', event.payload.agreementEffectiveOn);
        }
        break;
      case 'judicialConfirmationRecorded':
        stop(runs, ['judicialConfirmation'], event.payload.appliedOn);
        break;
      case 'closed':
      case 'notAccepted':
      case 'withdrawn':
      case 'merged':
        stop(runs, everyClock, day);
        break;
      default:
        break;
    }
  }
  return runs;
}

function lightOf(reference: CalendarDay, running: boolean, statutory: DueDate, localTarget: DueDate | undefined, warnWithinDays: number): Light {
  if (reference > statutory.date) return 'red';
  if (localTarget && reference > localTarget.date) return 'yellow';
  if (running && daysBetween(reference, statutory.date) < warnWithinDays) return 'yellow';
  return 'green';
}

/**
 * Every clock of a petition from its events, under a policy and a calendar, as of `now` (an ISO instant).
 * Deadlines are derived here and never stored: re-running after a calendar update re-flows them.
 * @example
 * computeClocks(events, futianPolicy, createWorkCalendar(), '2025-01-27T09:00:00+08:00')
 * // [{ kind: 'route', statutory: { date: '2025-02-10', … }, localTarget: { date: '2025-02-05', … }, light: 'green', … }]
 */
export function computeClocks(events: readonly PetitionEvent[], policy: ClockPolicy, calendar: WorkCalendar, now: string): ClockReading[] {
  const today = shanghaiDay(now);
  const readings: ClockReading[] = [];
  for (const [kind, run] of collectRuns(events)) {
    const rule = policy.clocks[kind];
    if (!rule) continue;
    const isPaused = (day: CalendarDay) => run.pauses.some((pause) => day > pause.from && day <= (pause.to ?? today));
    const paused = run.pauses.some((pause) => pause.to === undefined);
    const statutory = computeDueDate(run.startedOn, rule.statutory, calendar, { isPaused, extensionDays: run.extensionDays });
    const localTarget = rule.localTarget ? computeDueDate(run.startedOn, rule.localTarget, calendar, { isPaused }) : undefined;
    const state = run.stoppedOn !== undefined ? 'stopped' : paused ? 'paused' : 'running';
    const reference = run.stoppedOn ?? today;
    const light = lightOf(reference, state === 'running', statutory, localTarget, policy.warnWithinDays);
    const explanation = localTarget
      ? {
          zh: `法定期限：${statutory.explanation.zh}本地目标：${localTarget.explanation.zh}`,
          en: `Statutory limit: ${statutory.explanation.en} Local target: ${localTarget.explanation.en}`,
        }
      : statutory.explanation;
    readings.push({
      kind,
      party: clockParties[kind],
      state,
      startedOn: run.startedOn,
      stoppedOn: run.stoppedOn,
      statutory,
      localTarget,
      extensionDays: run.extensionDays,
      pausedDays: statutory.pausedDays,
      light,
      uncertain: statutory.uncertain || (localTarget?.uncertain ?? false),
      explanation,
    });
  }
  return readings;
}
