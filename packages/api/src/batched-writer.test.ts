import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BatchedWriter } from './batched-writer.ts';

interface Item {
  id: number;
  bad: boolean;
  weight: number;
}

/** A store that takes a batch all or nothing, like one statement: a batch holding a bad item writes nothing. */
function allOrNothingStore(delays: readonly number[]) {
  const written: number[] = [];
  const batches: Item[][] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let call = 0;
  const writeBatch = async (items: readonly Item[]) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    batches.push([...items]);
    await new Promise((resolve) => setTimeout(resolve, delays[call++ % delays.length]));
    inFlight--;
    if (items.some((item) => item.bad)) throw new Error(`bad item in batch of ${items.length}`);
    written.push(...items.map((item) => item.id));
  };
  return { writeBatch, written, batches, maxInFlight: () => maxInFlight };
}

describe('BatchedWriter (group commit)', () => {
  it('writes every good item once, fails only the bad ones, and keeps to its limits', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ bad: fc.integer({ min: 0, max: 4 }).map((roll) => roll === 0), weight: fc.integer({ min: 0, max: 50 }), gap: fc.integer({ min: 0, max: 2 }) }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 6 }),
        async (arrivals, delays, maxConcurrentBatches, maxBatchSize) => {
          const store = allOrNothingStore(delays);
          const writer = new BatchedWriter<Item>({ writeBatch: store.writeBatch, maxConcurrentBatches, maxBatchSize, maxBatchWeight: 60, weightOf: (item) => item.weight });
          const outcomes: Promise<'ok' | 'failed'>[] = [];
          for (const [id, arrival] of arrivals.entries()) {
            outcomes.push(writer.write({ id, bad: arrival.bad, weight: arrival.weight }).then(() => 'ok' as const, () => 'failed' as const));
            if (arrival.gap > 0) await new Promise((resolve) => setTimeout(resolve, arrival.gap));
          }
          const results = await Promise.all(outcomes);
          expect(results).toEqual(arrivals.map((arrival) => (arrival.bad ? 'failed' : 'ok')));
          expect([...store.written].sort((a, b) => a - b)).toEqual(arrivals.flatMap((arrival, id) => (arrival.bad ? [] : [id])));
          expect(store.maxInFlight()).toBeLessThanOrEqual(maxConcurrentBatches);
          for (const batch of store.batches) {
            expect(batch.length).toBeLessThanOrEqual(maxBatchSize);
            if (batch.length > 1) expect(batch.reduce((sum, item) => sum + item.weight, 0)).toBeLessThanOrEqual(60);
            // a batch keeps arrival order
            expect(batch.map((item) => item.id)).toEqual([...batch.map((item) => item.id)].sort((a, b) => a - b));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it.each([
    ['a quiet writer sends each item at once, alone', 1, 1, [1, 1, 1]],
    ['items that arrive while the slot is busy go together', 1, 10, [1, 4]],
    ['no batch exceeds its size', 1, 2, [1, 2, 2]],
    ['two slots take the first two at once', 2, 10, [1, 1, 3]],
  ])('%s', async (_name, maxConcurrentBatches, maxBatchSize, expectedSizes) => {
    const store = allOrNothingStore([1]);
    const writer = new BatchedWriter<Item>({ writeBatch: store.writeBatch, maxConcurrentBatches, maxBatchSize });
    const count = expectedSizes.reduce((sum, size) => sum + size, 0);
    if (maxBatchSize === 1) {
      for (let id = 0; id < count; id++) await writer.write({ id, bad: false, weight: 0 });
    } else {
      await Promise.all(Array.from({ length: count }, (_, id) => writer.write({ id, bad: false, weight: 0 })));
    }
    expect(writer.batchSizes).toEqual(expectedSizes);
  });

  it('refuses a writer that could never write', () => {
    expect(() => new BatchedWriter({ writeBatch: () => Promise.resolve(), maxConcurrentBatches: 0, maxBatchSize: 1 })).toThrow();
  });
});
