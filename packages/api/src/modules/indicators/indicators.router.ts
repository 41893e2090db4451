import { BreakdownQuery, DrillDownPage, DrillDownQuery, IndicatorBreakdown, IndicatorDefinitionView, IndicatorQuery, IndicatorReport, viewOfDefinition } from '@xinfang/domain/indicators/indicator-queries';
import { indicators } from '@xinfang/domain/indicators/indicator-registry';
import { z } from 'zod';
import { router, staffProcedure } from '../../trpc.ts';
import { breakDownIndicators, computeIndicators, drillDownIndicator } from './indicators.service.ts';

export const indicatorsRouter = router({
  /** Every DOMAIN.md §7 definition with its version; those whose records do not exist yet say `notRecordedYet`. */
  list: staffProcedure('indicators.view')
    .output(z.array(IndicatorDefinitionView))
    .query(() => indicators.map(viewOfDefinition)),
  /** Every figure of a period and scope: numerator, denominator, rate to two decimals, last year's, 同比, version. */
  compute: staffProcedure('indicators.view')
    .input(IndicatorQuery)
    .output(IndicatorReport)
    .query(({ ctx, input }) => computeIndicators(ctx, input)),
  /** The recorded figures month by month, or street by street. */
  breakdown: staffProcedure('indicators.view')
    .input(BreakdownQuery)
    .output(IndicatorBreakdown)
    .query(({ ctx, input }) => breakDownIndicators(ctx, input)),
  /** The matters behind a figure's numerator or denominator that the reader may see, a keyset page at a time. */
  drillDown: staffProcedure('indicators.view')
    .input(DrillDownQuery)
    .output(DrillDownPage)
    .query(({ ctx, input }) => drillDownIndicator(ctx, input)),
});
