import { z } from 'zod';
import { Channel, Light, PetitionClass, PetitionStatus } from '../petition/petition.ts';
import { CalendarDay } from '../time/calendar-day.ts';
import { IsoInstant } from '../time/iso-instant.ts';
import { IndicatorFigure } from './indicator-figure.ts';
import { IndicatorPeriod } from './indicator-period.ts';
import { IndicatorId, type AnyIndicator } from './indicator-registry.ts';
import { IndicatorScope } from './indicator-scope.ts';

const Bilingual = z.object({ zh: z.string(), en: z.string() });

/** A definition as `indicators.list` returns it: everything but the compute function. */
export const IndicatorDefinitionView = z.object({
  id: IndicatorId,
  version: z.number().int(),
  kind: z.enum(['rate', 'count']),
  source: z.enum(['records', 'notRecordedYet']),
  name: Bilingual,
  definition: Bilingual,
  numerator: Bilingual,
  denominator: Bilingual.nullable(),
  unit: Bilingual,
  filters: Bilingual,
  periodBy: Bilingual,
  inputs: z.array(z.object({ name: z.string(), label: Bilingual })),
  drillDown: z.object({ numerator: z.string(), denominator: z.string().nullable() }).nullable(),
  higherIsBetter: z.boolean().nullable(),
  suppressCellsBelow: z.number().int().nullable(),
});
export type IndicatorDefinitionView = z.infer<typeof IndicatorDefinitionView>;

/**
 * A definition without its function, for transport.
 * @example viewOfDefinition(findIndicator('onlineShare')).inputs[0] // { name: 'registered', label: { zh: …, en: … } }
 */
export function viewOfDefinition(definition: AnyIndicator): IndicatorDefinitionView {
  return {
    id: definition.id,
    version: definition.version,
    kind: definition.kind,
    source: definition.source,
    name: definition.name,
    definition: definition.definition,
    numerator: definition.numerator,
    denominator: definition.denominator,
    unit: definition.unit,
    filters: definition.filters,
    periodBy: definition.periodBy,
    inputs: Object.entries(definition.inputs).map(([name, label]) => ({ name, label })),
    drillDown: definition.drillDown,
    higherIsBetter: definition.higherIsBetter,
    suppressCellsBelow: definition.suppressCellsBelow ?? null,
  };
}

/** Which figures: a period and a scope. */
export const IndicatorQuery = z.object({ period: IndicatorPeriod, scope: IndicatorScope });
export type IndicatorQuery = z.infer<typeof IndicatorQuery>;

const ResolvedPeriod = z.object({ from: CalendarDay, to: CalendarDay });
const ScopeView = z.object({ kind: z.enum(['district', 'street', 'department']), unitId: z.string().uuid().nullable(), name: Bilingual });

/** `indicators.compute`: every §7 figure of a period and scope, with the same period last year and 同比. */
export const IndicatorReport = z.object({
  period: ResolvedPeriod,
  previousPeriod: ResolvedPeriod,
  scope: ScopeView,
  figures: z.array(IndicatorFigure),
  /** Matters registered in the period by channel (kiosk-assisted ones under their channel, online). */
  channels: z.array(z.object({ channel: Channel, count: z.number().int() })),
  /** Open matters of the scope today, by the light of their most urgent unit clock (`none`: no clock running). */
  openLights: z.object({ green: z.number().int(), yellow: z.number().int(), red: z.number().int(), none: z.number().int() }),
  computedAt: IsoInstant,
});
export type IndicatorReport = z.infer<typeof IndicatorReport>;

/** A breakdown of the recorded figures by month of the period, or by street. */
export const BreakdownQuery = IndicatorQuery.extend({ by: z.enum(['month', 'street']) });
export type BreakdownQuery = z.infer<typeof BreakdownQuery>;

export const IndicatorBreakdown = z.object({
  by: z.enum(['month', 'street']),
  rows: z.array(
    z.object({
      /** `YYYY-MM` for a month, the street's unit id for a street. */
      key: z.string(),
      label: Bilingual,
      figures: z.array(IndicatorFigure),
    }),
  ),
});
export type IndicatorBreakdown = z.infer<typeof IndicatorBreakdown>;

/** Where a drill-down page ends: the last row's counted time and id (newest first). */
export const DrillDownCursor = z.object({ at: IsoInstant, id: z.string().uuid('validation.invalid') });
export type DrillDownCursor = z.infer<typeof DrillDownCursor>;

/** The records behind one part of a figure, a keyset page at a time. */
export const DrillDownQuery = IndicatorQuery.extend({
  indicatorId: IndicatorId,
  part: z.enum(['numerator', 'denominator']),
  limit: z.number().int().min(1).max(100).default(20),
  after: DrillDownCursor.optional(),
});
export type DrillDownQuery = z.input<typeof DrillDownQuery>;

/** A matter behind a figure (no personal data: open the matter for more, under the usual access rules). */
export const DrillDownItem = z.object({
  id: z.string().uuid(),
  trackingCode: z.string(),
  summary: z.string(),
  status: PetitionStatus,
  channel: Channel,
  kioskAssisted: z.boolean(),
  petitionClass: PetitionClass.nullable(),
  streetName: z.string().nullable(),
  light: Light.nullable(),
  receivedAt: IsoInstant,
  /** When the record entered the count (received, triaged, replied, evaluated, arrived). */
  countedAt: IsoInstant,
  /** What it adds to the count (1, or the persons of a visit or a matter). */
  weight: z.number().int(),
});
export type DrillDownItem = z.infer<typeof DrillDownItem>;

export const DrillDownPage = z.object({
  indicatorId: IndicatorId,
  version: z.number().int(),
  part: z.enum(['numerator', 'denominator']),
  /** The recorded count whose records these are. */
  count: z.string(),
  items: z.array(DrillDownItem),
  nextCursor: DrillDownCursor.nullable(),
});
export type DrillDownPage = z.infer<typeof DrillDownPage>;
