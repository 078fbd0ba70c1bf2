import { connect, type Socket } from "node:net";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { heldWaitCounts } from "../../src/start-service.js";
import { useService } from "../helpers.js";
import { codeCalls, freshName } from "../security/code-calls.js";
import { pool } from "./pool.js";

const LOAD = process.env.HANDOFF_LOAD === "1";
/** Waits opened and dropped per round; `HANDOFF_LOAD=1` opens 8,000 (two sockets each, under a 20,000 file limit). */
const WAITS = LOAD ? 8_000 : 3_000;
/** Waits piled on one code past its cap (the attack of issue 14, item 7); `HANDOFF_LOAD=1` sends 8,000. */
const REFUSED = LOAD ? 8_000 : 2_000;
/** The default caps, filled to the brim: waits per code and per client address. */
const PER_CODE = 4;
const PER_ADDRESS = 64;
// Behind a trusted proxy, so the waits can come from many addresses (X-Forwarded-For).
const t = await useService({ waitTimeoutMs: 120_000, trustProxy: true });
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
 * Opens a wait over a raw TCP connection (a browser tab that will be closed) from `address`
 * (`X-Forwarded-For`): `fetch` keeps an aborted request's socket for seconds, which would hide the
 * service's own sockets in the count.
 */
function openWait(body: string, address: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) }, () => {
      socket.write(
        `POST /api/native/authenticate/code/wait HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\n` +
          `X-Forwarded-For: ${address}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
      resolve(socket);
    });
    socket.once("error", reject);
  });
}

/** Wait bodies for `count` fresh codes, each of its own user. */
function waitBodies(count: number): Promise<string[]> {
  return pool(
    Array.from({ length: count }, () => freshName("dropped")),
    20,
    async (name) => {
      const userId = await calls.createUser(name);
      const { code } = await calls.generate(userId, "short", "temporary_authentication");
      return JSON.stringify({ client_id: t.clientId, username: name, authentication_code: { code, type: "short" } });
    },
  );
}

/** The client address of the `index`-th wait: 64 consecutive waits share one. */
const addressOf = (index: number) => {
  const block = Math.floor(index / PER_ADDRESS);
  return `10.${(block >> 8) & 255}.${block & 255}.1`;
};

/** Opens `count` waits in batches of 100, and keeps what each is answered (nothing while held). */
async function openMany(count: number, open: (index: number) => Promise<Socket>) {
  const sockets: Socket[] = [];
  const answers = new Map<Socket, string>();
  for (let i = 0; i < count; i += 100) {
    const batch = await Promise.all(Array.from({ length: Math.min(100, count - i) }, (_, j) => open(i + j)));
    for (const socket of batch) {
      socket.on("data", (chunk: Buffer) => answers.set(socket, (answers.get(socket) ?? "") + chunk.toString("latin1")));
    }
    sockets.push(...batch);
  }
  /** The answers received in full so far (a JSON body ends them). */
  const answered = () => [...answers.values()].filter((answer) => answer.endsWith("}"));
  return { sockets, answers, answered };
}

/**
 * Drops `sockets` (emptying the array: vitest keeps the last polled callback, and with it the
 * caller's scope) and waits until the service holds no wait and counts nothing.
 */
async function dropAll(sockets: Socket[]) {
  for (const socket of sockets.splice(0)) socket.destroy();
  await expect.poll(() => t.service.pendingWaits, { timeout: 10_000, interval: 20 }).toBe(0);
  expect(heldWaitCounts(t.service)).toEqual({ codes: 0, addresses: 0 });
}

/**
 * Opens `bodies.length × 4` waits, four on each code (the per-code cap) and 64 from each address
 * (the per-address cap), holds them until all are pending, then drops them all.
 */
async function openAndDrop(bodies: string[]) {
  const count = bodies.length * PER_CODE;
  const { sockets, answers } = await openMany(count, (i) =>
    openWait(bodies[i % bodies.length] as string, addressOf(i)),
  );
  await expect.poll(() => t.service.pendingWaits, { timeout: 30_000, interval: 50 }).toBe(count);
  expect(heldWaitCounts(t.service)).toEqual({ codes: bodies.length, addresses: Math.ceil(count / PER_ADDRESS) });
  expect([...answers.values()]).toEqual([]); // at the caps, not past them: every wait is held, none answered
  const heldHeap = await settledHeap();
  await dropAll(sockets);
  return heldHeap;
}

/**
 * Opens the cap's four waits on one code and `refused` more, all from one address, expects every
 * one past the cap to be answered `429` at once while four stay held, then drops them all.
 */
async function pileOn(body: string, refused: number) {
  const { sockets, answers, answered } = await openMany(refused + PER_CODE, () => openWait(body, "192.0.2.1"));
  await expect.poll(() => answered().length, { timeout: 30_000, interval: 50 }).toBe(refused);
  const capped = (answer: string) =>
    answer.startsWith("HTTP/1.1 429 ") && answer.includes("Too many waits are open on this code");
  expect(answered().filter((answer) => !capped(answer))).toEqual([]);
  expect(t.service.pendingWaits).toBe(PER_CODE);
  expect(heldWaitCounts(t.service)).toEqual({ codes: 1, addresses: 1 });
  answers.clear();
  await dropAll(sockets);
}

describe(`${WAITS} waits opened and dropped by their clients`, () => {
  it("free every wait, timer, socket, cap slot and their memory", { timeout: LOAD ? 300_000 : 120_000 }, async () => {
    const warmUp = await waitBodies(200 / PER_CODE);
    const bodies = await waitBodies(WAITS / PER_CODE);
    await openAndDrop(warmUp); // warm up: JIT, lazily created module state
    const before = resources();
    const heapBefore = await settledHeap();

    const heldHeap = await openAndDrop(bodies);

    // Every wait held two timers and two sockets (client and service side); a leak of even a
    // tenth of them would stand far above this slack.
    await expect.poll(() => resources().timers, { timeout: 10_000 }).toBeLessThanOrEqual(before.timers + 5);
    await expect.poll(() => resources().sockets, { timeout: 10_000 }).toBeLessThanOrEqual(before.sockets + 5);
    const grownBytes = (await settledHeap()) - heapBefore;
    const kib = (bytes: number) => `${Math.round(bytes / 1024)} KiB`;
    // Thousands of leaked requests (their bodies, signals, closures, counts) would keep several MB.
    expect(grownBytes, `held ${kib(heldHeap - heapBefore)}, then grew by ${kib(grownBytes)}`).toBeLessThan(
      4 * 1024 * 1024,
    );

    // And the service still answers waits.
    const name = freshName("after");
    const userId = await calls.createUser(name);
    const { code } = await calls.generate(userId, "short", "temporary_authentication", true);
    expect((await calls.wait(name, code, "short")).status).toBe(200);
  });

  it(`${REFUSED} waits piled on one code from one address are refused at once and keep nothing`, {
    timeout: LOAD ? 300_000 : 120_000,
  }, async () => {
    const [body] = (await waitBodies(1)) as [string];
    await pileOn(body, 200); // warm up: the refusals' path
    const before = resources();
    const heapBefore = await settledHeap();

    await pileOn(body, REFUSED);

    await expect.poll(() => resources().sockets, { timeout: 10_000 }).toBeLessThanOrEqual(before.sockets + 5);
    const grownBytes = (await settledHeap()) - heapBefore;
    expect(grownBytes, `heap grew by ${Math.round(grownBytes / 1024)} KiB`).toBeLessThan(4 * 1024 * 1024);
  });
});
