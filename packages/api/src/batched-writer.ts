/**
 * Group commit in the application: writes that arrive while the database is busy with earlier ones are gathered and
 * written together, as one statement and one commit, instead of queueing one by one for a connection and a WAL flush.
 * At most `maxConcurrentBatches` batches are in flight; a write that finds a free slot goes at once, alone, so a quiet
 * server adds no wait. A failed batch is retried item by item, so one bad item fails alone and the others land.
 */
export interface BatchedWriterOptions<T> {
  writeBatch: (items: readonly T[]) => Promise<void>;
  maxConcurrentBatches: number;
  maxBatchSize: number;
  /** Upper bound of the summed `weightOf` of one batch (bytes, say); an item heavier than it goes alone. */
  maxBatchWeight?: number;
  weightOf?: (item: T) => number;
}

interface Pending<T> {
  item: T;
  weight: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class BatchedWriter<T> {
  readonly #options: Required<BatchedWriterOptions<T>>;
  readonly #queue: Pending<T>[] = [];
  #inFlight = 0;
  /** Sizes of the batches written, for tests and diagnostics. */
  readonly batchSizes: number[] = [];

  constructor(options: BatchedWriterOptions<T>) {
    if (options.maxConcurrentBatches < 1 || options.maxBatchSize < 1) throw new Error('BatchedWriter needs at least one batch of one');
    this.#options = { maxBatchWeight: Number.POSITIVE_INFINITY, weightOf: () => 0, ...options };
  }

  write(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#queue.push({ item, weight: this.#options.weightOf(item), resolve, reject });
      this.#startBatches();
    });
  }

  #startBatches(): void {
    while (this.#inFlight < this.#options.maxConcurrentBatches && this.#queue.length > 0) {
      const batch = this.#takeBatch();
      this.#inFlight++;
      void this.#run(batch).finally(() => {
        this.#inFlight--;
        this.#startBatches();
      });
    }
  }

  #takeBatch(): Pending<T>[] {
    const batch = [this.#queue.shift()!];
    let weight = batch[0]!.weight;
    while (batch.length < this.#options.maxBatchSize && this.#queue.length > 0 && weight + this.#queue[0]!.weight <= this.#options.maxBatchWeight) {
      const next = this.#queue.shift()!;
      weight += next.weight;
      batch.push(next);
    }
    return batch;
  }

  async #run(batch: Pending<T>[]): Promise<void> {
    if (this.batchSizes.length < 10_000) this.batchSizes.push(batch.length);
    try {
      await this.#options.writeBatch(batch.map((pending) => pending.item));
      for (const pending of batch) pending.resolve();
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      // the batch wrote nothing (one statement); each item alone, so only the bad one fails
      for (const pending of batch) {
        try {
          await this.#options.writeBatch([pending.item]);
          pending.resolve();
        } catch (itemError) {
          pending.reject(itemError);
        }
      }
    }
  }
}
