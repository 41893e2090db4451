/** Median, p95 and p99 (nearest rank) of a list of samples, in the samples' unit. */
export interface Summary {
  median: number;
  p95: number;
  p99: number;
  runs: number;
}

export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 100) / 100;
  return { median: round(percentile(sorted, 0.5)), p95: round(percentile(sorted, 0.95)), p99: round(percentile(sorted, 0.99)), runs: sorted.length };
}

/** Times `run` (milliseconds) `runs` times after `warmup` untimed calls; each call gets its index. */
export async function timeRuns(run: (index: number) => Promise<unknown>, options: { runs: number; warmup?: number }): Promise<number[]> {
  for (let index = 0; index < (options.warmup ?? 3); index++) await run(index);
  const samples: number[] = [];
  for (let index = 0; index < options.runs; index++) {
    const started = performance.now();
    await run(index);
    samples.push(performance.now() - started);
  }
  return samples;
}
