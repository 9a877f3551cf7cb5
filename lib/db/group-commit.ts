export interface GroupCommitOptions {
  /** Items one flush takes at most. */
  maxItems: number;
  /** Flushes running at once; items arriving meanwhile wait for the next one. */
  maxParallel: number;
}

/**
 * Joins concurrent calls into shared flushes (group commit): an item waits at most for the flush
 * in progress, and every item queued meanwhile goes into the next one, so under load one statement
 * serves many requests, and an idle system adds no delay (a lone item is flushed on the next turn
 * of the event loop). `flush` returns one result per item, in order (an Error fails that item
 * alone); if it throws, every item of that flush gets the error.
 */
export function groupCommit<I, O>(
  flush: (items: I[]) => Promise<(O | Error)[]>,
  { maxItems, maxParallel }: GroupCommitOptions,
): (item: I) => Promise<O> {
  const queue: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  let running = 0;
  let scheduled = false;
  const pump = () => {
    while (running < maxParallel && queue.length > 0) {
      const batch = queue.splice(0, maxItems);
      running += 1;
      flush(batch.map((b) => b.item))
        .then(
          (results) =>
            batch.forEach((b, i) => {
              const result = results[i]!;
              if (result instanceof Error) b.reject(result);
              else b.resolve(result);
            }),
          (error: unknown) => {
            for (const b of batch) b.reject(error);
          },
        )
        .finally(() => {
          running -= 1;
          pump();
        });
    }
  };
  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (scheduled) return;
      scheduled = true;
      setImmediate(() => {
        scheduled = false;
        pump();
      });
    });
}
