/**
 * Reads a service process's heap through its inspector (the process runs with
 * `--inspect=127.0.0.1:0`, loopback only, for the bench): a full garbage collection first, so the
 * figure is what is live, not what the collector has yet to reclaim.
 *
 * @example
 * const probe = await connectHeapProbe(service.inspectorUrl);
 * const usedMiB = await probe.heapUsedMiB();
 */
export interface HeapProbe {
  /** `process.memoryUsage().heapUsed` of the service right after a full collection, in MiB. */
  heapUsedMiB(): Promise<number>;
  close(): void;
}

/** Connects to the inspector at `url` (a `ws://127.0.0.1:…` debugger URL). */
export async function connectHeapProbe(url: string): Promise<HeapProbe> {
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener("open", () => resolve(), { once: true });
    socket.addEventListener("error", () => reject(new Error(`no inspector at ${url}`)), { once: true });
  });
  let lastId = 0;
  const pending = new Map<number, (result: unknown) => void>();
  socket.addEventListener("message", (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
  });
  const call = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((resolve) => {
      lastId += 1;
      pending.set(lastId, resolve);
      socket.send(JSON.stringify({ id: lastId, method, params }));
    });
  return {
    async heapUsedMiB() {
      await call("HeapProfiler.collectGarbage");
      const answer = (await call("Runtime.evaluate", {
        expression: "process.memoryUsage().heapUsed",
        returnByValue: true,
      })) as { result: { value: number } };
      return answer.result.value / 2 ** 20;
    },
    close: () => socket.close(),
  };
}
