import { describe, expect, it } from 'vitest';
import { parseEnvironment } from './env.ts';

const server = 'postgres://xinfang@db.internal:5432/xinfang';

describe('XINFANG_DEMO', () => {
  it.each([
    ['the embedded database, unset', {}, true],
    ['a PostgreSQL server, unset', { DATABASE_URL: server }, false],
    ['a PostgreSQL server, asked for', { DATABASE_URL: server, XINFANG_DEMO: 'true' }, true],
    ['the embedded database, refused', { XINFANG_DEMO: 'false' }, false],
  ])('%s → %s', (_label, environment: Record<string, string>, demo) => {
    expect(parseEnvironment(environment).XINFANG_DEMO).toBe(demo);
  });
});
