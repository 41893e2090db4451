import { z } from 'zod';
import { KioskPhotoType } from '../kiosk/kiosk-photo.ts';

/** What a stored photo may be: the kiosk's accepted image types. */
export const AttachmentContentType = KioskPhotoType;
export type AttachmentContentType = z.infer<typeof AttachmentContentType>;

/** A photo the visitor attached to a petition (at the kiosk), without its bytes. */
export const AttachmentSummary = z.object({
  id: z.string().uuid(),
  position: z.number().int(),
  contentType: AttachmentContentType,
  sizeBytes: z.number().int(),
  createdAt: z.string(),
});
export type AttachmentSummary = z.infer<typeof AttachmentSummary>;

/** One photo's bytes, base64, for display (photos are at most 300 KB, so no streaming). */
export const AttachmentImage = z.object({ id: z.string().uuid(), contentType: AttachmentContentType, base64: z.string() });
export type AttachmentImage = z.infer<typeof AttachmentImage>;

export const AttachmentListQuery = z.object({ petitionId: z.string().uuid('validation.invalid') });
export const AttachmentQuery = z.object({ petitionId: z.string().uuid('validation.invalid'), id: z.string().uuid('validation.invalid') });
