/**
 * Runs `work` from `concurrency` workers, each starting again as soon as it finishes, until
 * `seconds` have passed; answers completed runs per second.
 *
 * @example
 * const perSecond = await runFor(5, 16, async (worker) => { await fetch(url); });
 */
export async function runFor(
  seconds: number,
  concurrency: number,
  work: (worker: number) => Promise<void>,
): Promise<number> {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < deadline) {
        await work(worker);
        done += 1;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}
