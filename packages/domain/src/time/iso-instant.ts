import { z } from 'zod';

/** An instant as an ISO 8601 string with an offset or `Z`, e.g. `2025-01-24T09:30:00+08:00`. */
export const IsoInstant = z.iso.datetime({ offset: true, message: 'validation.instant.invalid' });
export type IsoInstant = z.infer<typeof IsoInstant>;
