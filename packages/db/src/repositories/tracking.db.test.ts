import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../testing/test-database.ts';

const test = useTestDatabase();

describe('petition attachments table', () => {
  // check constraints are evaluated before the foreign key: a row that passes them fails only on the unknown petition
  it.each([
    ['a non-image type', 'application/pdf', 10, 10, /violates check constraint/],
    ['an oversize photo', 'image/jpeg', 307201, 307201, /violates check constraint/],
    ['a size that does not match the data', 'image/jpeg', 99, 10, /violates check constraint "petition_attachments_size_matches"/],
    ['(control) a good photo of an unknown petition', 'image/png', 10, 10, /violates foreign key constraint/],
  ])('refuses %s', async (_, contentType, sizeBytes, dataBytes, error) => {
    await expect(
      sql`insert into petition_attachments (petition_id, position, content_type, size_bytes, sha256, data)
          values (gen_random_uuid(), 0, ${contentType}, ${sizeBytes}, 'x', ${Buffer.alloc(dataBytes, 0xff)})`.execute(test.db),
    ).rejects.toThrow(error);
  });
});
