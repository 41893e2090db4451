import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startProcess, waitForHealth } from './server.ts';
import { summarize, type Summary } from './stats.ts';

/**
 * `pnpm start` (turbo build from its cache, migrate, seed if empty, listen) until /health answers 200, on a warm
 * build and an existing data folder: the first start initialises the folder and is reported apart.
 */
export async function measureStartup(root: string, repeats: number): Promise<{ first: number; warm: Summary & { samples: number[] } }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'xinfang-bench-start-'));
  const once = async () => {
    const port = await freePort();
    const started = performance.now();
    const server = startProcess('pnpm', ['start'], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', XINFANG_DEMO: 'true' },
    });
    try {
      return (await waitForHealth(port, started, 180_000, () => server.child.exitCode !== null)) / 1000;
    } catch (error) {
      throw new Error(`pnpm start: ${error instanceof Error ? error.message : String(error)}\n${server.output()}`, { cause: error });
    } finally {
      await server.stop();
    }
  };
  try {
    const first = await once();
    const samples: number[] = [];
    for (let index = 0; index < repeats; index++) samples.push(await once());
    return { first, warm: { ...summarize(samples), samples } };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
