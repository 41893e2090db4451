import pg from 'pg';

/**
 * What an operator (or a failover) does to a server's connections: terminates every backend of the database but the
 * one asking, from a connection of its own. Returns how many were terminated. PostgreSQL only; tests of outages use it.
 * @example await terminateOtherBackends(test.databaseUrl!)
 */
export async function terminateOtherBackends(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ terminated: boolean }>(
      'select pg_terminate_backend(pid) as terminated from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    return result.rows.filter((row) => row.terminated).length;
  } finally {
    await client.end();
  }
}
