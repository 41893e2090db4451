import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * The server's command line exactly as the root `pnpm start` runs it after the build (the last `&&` step), so a
 * measurement starts the process with production's node flags and samples that process itself, not a pnpm parent.
 * The flags bound V8's heap: with the default limit (4 GB here) V8 lets the old generation grow to up to 4× what
 * survives a full collection before collecting again; below 2 GB the factor is smaller (1.6 at 1 GB), and 8 MB
 * semi-spaces halve the young generation, for a few % more scavenges.
 */
export function serverCommand(root: string): { command: string; args: string[] } {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const start = manifest.scripts?.start ?? '';
  const [command, ...args] = (start.split('&&').at(-1) ?? '').trim().split(/\s+/);
  if (command !== 'node' || !args.includes('apps/server/dist/main.js')) throw new Error(`the root start script does not end in \`node … apps/server/dist/main.js\`: ${start}`);
  return { command, args };
}

/** Polls GET /health until it answers 200; resolves with the time it took, in ms. */
export async function waitForHealth(port: number, started: number, timeoutMs = 60_000, exited: () => boolean = () => false): Promise<number> {
  for (;;) {
    if (exited()) throw new Error('the server exited before it was healthy');
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      if (response.ok) return performance.now() - started;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > timeoutMs) throw new Error(`no healthy /health on port ${port} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Resident set size of a process in MB (Linux /proc), or NaN when it is gone. */
export function residentMegabytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

const clockTicksPerSecond = 100;

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat. */
export function processCpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // after the command: state is field 3, utime 14 and stime 15 (1-based), so 11 and 12 here
  return (Number(fields[11]) + Number(fields[12])) / clockTicksPerSecond;
}

/**
 * CPU seconds used so far by every process with this command name (`postgres`: the server and its backends),
 * including children that have ended (a backend of a closed connection is in its postmaster's children's time).
 */
export function commandCpuSeconds(name: string): number {
  let seconds = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== name) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime, stime, and cutime, cstime of ended children that were waited for
      seconds += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / clockTicksPerSecond;
    } catch {
      // the process ended while being read
    }
  }
  return seconds;
}

/** Busy and total CPU seconds of the whole machine (all cores), from /proc/stat. */
export function machineCpuSeconds(): { busy: number; total: number } {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const ticks = values.map(Number);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  const total = ticks.slice(0, 8).reduce((sum, value) => sum + value, 0);
  return { busy: (total - idle) / clockTicksPerSecond, total: total / clockTicksPerSecond };
}

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  /** ends the process group this started (the process and its children), and waits for it */
  stop: () => Promise<void>;
}

/** Starts a command in its own process group, keeping its output for error reports. */
export function startProcess(command: string, args: readonly string[], options: { cwd: string; env: Record<string, string | undefined> }): RunningProcess {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // already gone
        }
        const timer = setTimeout(() => {
          try {
            if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }, 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}
