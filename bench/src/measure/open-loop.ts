import { Agent, request } from 'node:http';
import { createSeededRandom } from '@xinfang/db/seed';
import { summarize, type Summary } from './stats.ts';

export interface OpenLoopResult {
  /** requests per second answered */
  achieved: number;
  /** latency from each request's scheduled start (so a generator or server that falls behind is charged), ms */
  latencyMs: Summary;
  errors: number;
}

/** An exponentially distributed gap (Poisson arrivals) with the given mean, from a seeded generator. */
function exponentialGap(meanMs: number, random: () => number): number {
  return -Math.log(1 - random()) * meanMs;
}

/**
 * Open-loop load: requests start at Poisson-distributed instants at `rate` per second, whether or not earlier ones
 * have been answered — the way visitors at many kiosks arrive independently. A fixed-rate closed-loop generator
 * (autocannon's `overallRate`) instead fires its connections in step, so at "half the rate" the server still sees
 * bursts of one request per connection at once; both are reported (docs/benchmarks.md).
 */
export async function openLoop(options: { url: string; body: () => string; rate: number; seconds: number; seed?: number }): Promise<OpenLoopResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const target = new URL(options.url);
  const random = createSeededRandom(options.seed ?? 440_304);
  const latencies: number[] = [];
  let errors = 0;
  const pending: Promise<void>[] = [];
  const started = performance.now();
  const endAt = started + options.seconds * 1000;
  let next = started;
  const send = (scheduled: number, body: string) =>
    new Promise<void>((resolve) => {
      const call = request(
        { agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (response) => {
          response.resume();
          response.on('end', () => {
            if ((response.statusCode ?? 500) >= 300) errors++;
            latencies.push(performance.now() - scheduled);
            resolve();
          });
        },
      );
      call.on('error', () => {
        errors++;
        resolve();
      });
      call.end(body);
    });
  while (next < endAt) {
    const wait = next - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(send(next, options.body()));
    next += exponentialGap(1000 / options.rate, random);
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return { achieved: Math.round((latencies.length / elapsed) * 10) / 10, latencyMs: summarize(latencies), errors };
}
