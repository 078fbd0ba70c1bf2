import { connect, type Socket } from "node:net";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { useService } from "../helpers.js";
import { codeCalls, freshName } from "../security/code-calls.js";

/** Waits opened and dropped per round; `HANDOFF_LOAD=1` opens 5,000. */
const WAITS = process.env.HANDOFF_LOAD === "1" ? 5_000 : 1_000;
const t = await useService({ waitTimeoutMs: 120_000 });
const calls = codeCalls(t);

/** A full garbage collection (V8's `gc`, exposed for a fresh context without restarting Node). */
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Timers and sockets of this process (client and service alike), by kind. */
function resources() {
  const info = process.getActiveResourcesInfo();
  const count = (kind: string) => info.filter((name) => name === kind).length;
  return { timers: count("Timeout"), sockets: count("TCPSocketWrap") };
}

async function settledHeap(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage().heapUsed;
}

const { hostname, port } = new URL(t.service.url);

/**
 * Opens a wait over a raw TCP connection (a browser tab that will be closed): `fetch` keeps an
 * aborted request's socket for seconds, which would hide the service's own sockets in the count.
 */
function openWait(body: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) }, () => {
      socket.write(
        `POST /api/native/authenticate/code/wait HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
      resolve(socket);
    });
    socket.once("error", reject);
  });
}

/** Opens `count` waits on a few users' codes, holds them until all are pending, then drops them all. */
async function openAndDrop(count: number) {
  const bodies = await Promise.all(
    Array.from({ length: 4 }, async () => {
      const name = freshName("dropped");
      const userId = await calls.createUser(name);
      const { code } = await calls.generate(userId, "short", "temporary_authentication");
      return JSON.stringify({ client_id: t.clientId, username: name, authentication_code: { code, type: "short" } });
    }),
  );
  const sockets: Socket[] = [];
  const answered: string[] = [];
  for (let i = 0; i < count; i += 100) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(100, count - i) }, (_, j) => openWait(bodies[(i + j) % bodies.length] as string)),
    );
    for (const socket of batch) socket.on("data", (chunk: Buffer) => answered.push(chunk.toString("latin1")));
    sockets.push(...batch);
  }
  await expect.poll(() => t.service.pendingWaits, { timeout: 30_000, interval: 50 }).toBe(count);
  for (const socket of sockets) socket.destroy();
  await expect.poll(() => t.service.pendingWaits, { timeout: 10_000, interval: 20 }).toBe(0);
  expect(answered).toEqual([]); // held until dropped: nothing was answered
}

describe(`${WAITS} waits opened and dropped by their clients`, () => {
  it("free every wait, timer, socket and their memory", { timeout: 120_000 }, async () => {
    await openAndDrop(200); // warm up: JIT, lazily created module state
    const before = resources();
    const heapBefore = await settledHeap();

    await openAndDrop(WAITS);

    // Every wait held two timers and two sockets (client and service side); a leak of even a
    // tenth of them would stand far above this slack.
    await expect.poll(() => resources().timers, { timeout: 10_000 }).toBeLessThanOrEqual(before.timers + 5);
    await expect.poll(() => resources().sockets, { timeout: 10_000 }).toBeLessThanOrEqual(before.sockets + 5);
    const grownBytes = (await settledHeap()) - heapBefore;
    // A thousand leaked requests (their bodies, signals, closures) would keep several MB.
    expect(grownBytes, `heap grew by ${Math.round(grownBytes / 1024)} KiB`).toBeLessThan(4 * 1024 * 1024);

    // And the service still answers waits.
    const name = freshName("after");
    const userId = await calls.createUser(name);
    const { code } = await calls.generate(userId, "short", "temporary_authentication", true);
    expect((await calls.wait(name, code, "short")).status).toBe(200);
  });
});
