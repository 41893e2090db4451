import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { openLoop } from './open-loop.ts';
import { commandCpuSeconds, freePort, machineCpuSeconds, processCpuSeconds, residentMegabytes, serverCommand, startProcess, waitForHealth } from './server.ts';
import { summarize, type Summary } from './stats.ts';

const run = promisify(execFile);

export interface IntakeResults {
  pgbench: Summary & { samples: number[]; scale: number; clients: number; seconds: number };
  maxRate: Summary & { samples: number[]; p99LatencyMs: number[]; errors: number; connections: number; seconds: number };
  /** autocannon at a fixed overall rate (its connections fire in step) */
  halfLoad: { rate: number; p99LatencyMs: Summary; achieved: number[]; errors: number };
  /** open-loop Poisson arrivals at the same rate: the figure reported against the p99 target */
  halfLoadOpenLoop: { rate: number; p99LatencyMs: Summary; medianLatencyMs: number[]; achieved: number[]; errors: number };
  rssMb: { idle: number; max: number };
  ratio: number;
  /**
   * during the max-rate runs: cores used by the API server process, by PostgreSQL (all its processes) and by the load
   * generator (this process), the whole machine's busy share, and CPU milliseconds per submission of each; the
   * same for the pgbench runs per TPC-B transaction (pgbench itself and PostgreSQL)
   */
  cpu: {
    serverCores: number;
    postgresCores: number;
    loadGeneratorCores: number;
    machineBusyShare: number;
    cores: number;
    msPerSubmission: { server: number; postgres: number; loadGenerator: number; machine: number };
    msPerPgbenchTransaction: { postgres: number; machine: number };
  };
  /** what the server's backends were doing during the max-rate runs, sampled every 100 ms (CPU = running, no wait) */
  waits: { what: string; samples: number }[];
}

/** A valid kiosk submission with clearly synthetic data (the ID number is DOMAIN.md §9's published example). */
function submission(): string {
  return JSON.stringify({
    idempotencyKey: randomUUID(),
    petitionerKind: 'person',
    name: '合成信访人',
    idNumber: '11010519491231002X',
    mobile: '19900000001',
    category: 'other',
    request: '要求尽快处理',
    content: '【合成数据】压测提交：小区电梯长期故障无人维修，物业不予处理。',
    consent: true,
  });
}

function cannon(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result)));
  });
}

/** pgbench TPC-B (scale ≥ 4, 4 clients) on the same server: the physical reference for intake. */
async function pgbench(serverUrl: string, repeats: number, seconds: number): Promise<IntakeResults['pgbench'] & { cpuMs: { postgres: number; machine: number } }> {
  const scale = 4;
  const clients = 4;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query('drop database if exists xinfang_pgbench with (force)');
  await admin.query('create database xinfang_pgbench');
  await admin.end();
  const url = new URL(serverUrl);
  const connection = ['-h', url.hostname, '-p', url.port || '5432', '-U', decodeURIComponent(url.username || 'postgres')];
  await run('pgbench', ['-i', '-q', '-s', String(scale), ...connection, 'xinfang_pgbench']);
  const samples: number[] = [];
  let transactions = 0;
  const postgresBefore = commandCpuSeconds('postgres');
  const machineBefore = machineCpuSeconds();
  for (let index = 0; index < repeats; index++) {
    const { stdout } = await run('pgbench', ['-c', String(clients), '-j', '2', '-T', String(seconds), '-n', ...connection, 'xinfang_pgbench']);
    const match = /tps = ([\d.]+)/.exec(stdout);
    if (!match) throw new Error(`pgbench printed no tps:\n${stdout}`);
    samples.push(Number(match[1]));
    transactions += Number(/number of transactions actually processed: (\d+)/.exec(stdout)?.[1] ?? Number.NaN);
  }
  const perTransaction = (cpuSeconds: number) => Math.round((cpuSeconds / transactions) * 1_000_000) / 1000;
  const cpuMs = { postgres: perTransaction(commandCpuSeconds('postgres') - postgresBefore), machine: perTransaction(machineCpuSeconds().busy - machineBefore.busy) };
  return { ...summarize(samples), samples, scale, clients, seconds, cpuMs };
}

/**
 * Kiosk submissions per second through HTTP + tRPC (validation, one transaction with petitioner, petition, event,
 * search tokens and audit) against the built server on the bench database, each with a fresh idempotency key; then
 * the same at half that rate for its p99. The server's per-address limit on public procedures is raised for the
 * load generator (RATE_LIMIT_PUBLIC_PER_MINUTE). Resident memory is sampled throughout.
 */
export async function measureIntake(options: {
  root: string;
  databaseUrl: string;
  serverUrl: string;
  keys: { dataKeys: string; hashKey: string };
  repeats: number;
  seconds: number;
  connections: number;
  log: (line: string) => void;
}): Promise<IntakeResults> {
  const { cpuMs: pgbenchCpuMs, ...reference } = await pgbench(options.serverUrl, options.repeats, options.seconds);
  options.log(`  pgbench TPC-B: ${reference.samples.map((tps) => tps.toFixed(0)).join(', ')} tps`);
  const port = await freePort();
  const { command, args } = serverCommand(options.root);
  const server = startProcess(command, args, {
    cwd: options.root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: options.databaseUrl,
      XINFANG_DEMO: 'true',
      XINFANG_DATA_KEYS: options.keys.dataKeys,
      XINFANG_HASH_KEY: options.keys.hashKey,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PUBLIC_PER_MINUTE: '100000000',
      KIOSK_HALL_CODE: '440304',
    },
  });
  try {
    await waitForHealth(port, performance.now(), 120_000, () => server.child.exitCode !== null);
    const pid = server.child.pid!;
    let maxRss = residentMegabytes(pid);
    const idle = maxRss;
    const sampler = setInterval(() => {
      const rss = residentMegabytes(pid);
      if (rss > maxRss) maxRss = rss;
    }, 200);
    const load = (overallRate?: number) =>
      cannon({
        url: `http://127.0.0.1:${port}/trpc/kiosk.submit`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        connections: options.connections,
        duration: options.seconds,
        ...(overallRate ? { overallRate } : {}),
        requests: [{ setupRequest: (request) => ({ ...request, body: submission() }) }],
      });
    // warm up: JIT, pool, caches
    await cannon({
      url: `http://127.0.0.1:${port}/trpc/kiosk.submit`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      connections: options.connections,
      duration: 3,
      requests: [{ setupRequest: (request) => ({ ...request, body: submission() }) }],
    });
    const rates: number[] = [];
    const p99s: number[] = [];
    let errors = 0;
    const waits = new Map<string, number>();
    const watcher = new pg.Client({ connectionString: options.databaseUrl });
    await watcher.connect();
    let watching = true;
    const watching$ = (async () => {
      while (watching) {
        const sample = await watcher.query<{ what: string }>(
          `select coalesce(wait_event_type || ':' || wait_event, 'CPU') || ' · ' || left(regexp_replace(query, '\\s+', ' ', 'g'), 60) as what
           from pg_stat_activity where datname = current_database() and state = 'active' and pid <> pg_backend_pid()`,
        );
        for (const row of sample.rows) waits.set(row.what, (waits.get(row.what) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const serverCpuBefore = processCpuSeconds(pid);
    const postgresBefore = commandCpuSeconds('postgres');
    const generatorBefore = process.cpuUsage();
    const machineBefore = machineCpuSeconds();
    let submissions = 0;
    const wallBefore = performance.now();
    for (let index = 0; index < options.repeats; index++) {
      const result = await load();
      rates.push(result.requests.average);
      p99s.push(result.latency.p99);
      submissions += result['2xx'];
      errors += result.errors + result.timeouts + result.non2xx;
      options.log(`  intake at max rate: ${result.requests.average.toFixed(0)}/s, p99 ${result.latency.p99} ms, errors ${result.errors + result.timeouts + result.non2xx}`);
    }
    const wallSeconds = (performance.now() - wallBefore) / 1000;
    const machineAfter = machineCpuSeconds();
    const generator = process.cpuUsage(generatorBefore);
    const used = {
      server: processCpuSeconds(pid) - serverCpuBefore,
      postgres: commandCpuSeconds('postgres') - postgresBefore,
      loadGenerator: (generator.user + generator.system) / 1e6,
      machine: machineAfter.busy - machineBefore.busy,
    };
    const cores = (seconds: number) => Math.round((seconds / wallSeconds) * 100) / 100;
    const perSubmission = (seconds: number) => Math.round((seconds / submissions) * 1_000_000) / 1000;
    const cpu = {
      serverCores: cores(used.server),
      postgresCores: cores(used.postgres),
      loadGeneratorCores: cores(used.loadGenerator),
      machineBusyShare: Math.round((used.machine / (machineAfter.total - machineBefore.total)) * 100) / 100,
      cores: availableParallelism(),
      msPerSubmission: { server: perSubmission(used.server), postgres: perSubmission(used.postgres), loadGenerator: perSubmission(used.loadGenerator), machine: perSubmission(used.machine) },
      msPerPgbenchTransaction: pgbenchCpuMs,
    };
    options.log(
      `  CPU at max rate: server ${cpu.serverCores} cores (${cpu.msPerSubmission.server} ms a submission), PostgreSQL ${cpu.postgresCores} (${cpu.msPerSubmission.postgres} ms), load generator ${cpu.loadGeneratorCores}; machine ${Math.round(cpu.machineBusyShare * 100)}% busy of ${cpu.cores} cores (${cpu.msPerSubmission.machine} ms a submission; pgbench ${pgbenchCpuMs.machine} ms a transaction)`,
    );
    watching = false;
    await watching$;
    await watcher.end();
    const topWaits = [...waits].sort((a, b) => b[1] - a[1]).slice(0, 6);
    options.log(`  backends at max rate: ${topWaits.map(([what, samples]) => `${what} ×${samples}`).join('; ')}`);
    const max = summarize(rates);
    const halfRate = Math.round(max.median / 2);
    const halfP99: number[] = [];
    const achieved: number[] = [];
    let halfErrors = 0;
    for (let index = 0; index < options.repeats; index++) {
      const result = await load(halfRate);
      halfP99.push(result.latency.p99);
      achieved.push(result.requests.average);
      halfErrors += result.errors + result.timeouts + result.non2xx;
      options.log(`  intake at ${halfRate}/s: p99 ${result.latency.p99} ms, achieved ${result.requests.average.toFixed(0)}/s, errors ${result.errors + result.timeouts + result.non2xx}`);
    }
    const openP99: number[] = [];
    const openMedian: number[] = [];
    const openAchieved: number[] = [];
    let openErrors = 0;
    for (let index = 0; index < options.repeats; index++) {
      const result = await openLoop({ url: `http://127.0.0.1:${port}/trpc/kiosk.submit`, body: submission, rate: halfRate, seconds: options.seconds, seed: 440_304 + index });
      openP99.push(result.latencyMs.p99);
      openMedian.push(result.latencyMs.median);
      openAchieved.push(result.achieved);
      openErrors += result.errors;
      options.log(`  intake at ${halfRate}/s, Poisson arrivals: p99 ${result.latencyMs.p99} ms (median ${result.latencyMs.median}), achieved ${result.achieved}/s, errors ${result.errors}`);
    }
    clearInterval(sampler);
    return {
      halfLoadOpenLoop: { rate: halfRate, p99LatencyMs: summarize(openP99), medianLatencyMs: openMedian, achieved: openAchieved, errors: openErrors },
      pgbench: reference,
      maxRate: { ...max, samples: rates, p99LatencyMs: p99s, errors, connections: options.connections, seconds: options.seconds },
      halfLoad: { rate: halfRate, p99LatencyMs: summarize(halfP99), achieved, errors: halfErrors },
      rssMb: { idle: Math.round(idle), max: Math.round(maxRss) },
      ratio: Math.round((max.median / reference.median) * 100) / 100,
      cpu,
      waits: [...waits].map(([what, samples]) => ({ what, samples })).sort((a, b) => b.samples - a.samples).slice(0, 15),
    };
  } catch (error) {
    throw new Error(`intake failed: ${error instanceof Error ? error.message : String(error)}\nserver output:\n${server.output()}`, { cause: error });
  } finally {
    await server.stop();
  }
}
