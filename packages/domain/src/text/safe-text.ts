import { z } from 'zod';

/**
 * A character no person types and no text column can safely hold: a control character other than tab, line feed and
 * carriage return (PostgreSQL text cannot hold NUL at all; the rest end up in documents, exports and logs), or half of
 * a UTF-16 surrogate pair without its other half (not a character at all: UTF-8 cannot encode it). A properly paired
 * surrogate is a real character beyond the BMP, e.g. the rare name characters '𠀀' and '𪚥', and is safe.
 */
const unsafeCharacter =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Whether a text holds only characters a person can type and the database can store (see {@link SafeText}).
 * @example isSafeText('张𠀀 第1行\n第2行') // true
 * @example isSafeText('a\u0000b') // false (NUL)
 * @example isSafeText('\ud840') // false (half a surrogate pair)
 */
export function isSafeText(text: string): boolean {
  return !unsafeCharacter.test(text);
}

/**
 * The one text schema every free-text field is built on (kiosk submission, registration, filters and searches, workflow
 * commands): a string without control characters (tab, CR and LF allowed) and without unpaired surrogates. Fields add
 * their own trimming and lengths: `SafeText.trim().min(1, 'validation.required').max(200, 'validation.text.tooLong')`.
 * The check runs on the text as sent, before trimming.
 * @example SafeText.safeParse('王𪚥').success // true
 * @example SafeText.safeParse('王\ud800').error?.issues[0]?.message // 'validation.text.unsafeCharacters'
 */
export const SafeText = z
  .string({ message: 'validation.required' })
  .refine(isSafeText, { message: 'validation.text.unsafeCharacters' });
export type SafeText = z.infer<typeof SafeText>;
