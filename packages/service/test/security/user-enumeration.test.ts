import { describe, expect, it } from "vitest";
import { useService } from "../helpers.js";
import { codeCalls, freshAddress, freshName, wrongCode } from "./code-calls.js";

// High limits so that hundreds of timed wrong codes never lock the caller out or spend the codes.
const t = await useService({ maxFailedAttemptsPerAddress: 100_000, maxGuessesPerCode: 100_000 });
const calls = codeCalls(t);

/** Status, body and header names of an answer: what an observer can compare besides time. */
async function shape(response: Response) {
  const names = [...response.headers.keys()].filter((name) => !["date", "x-request-id"].includes(name)).sort();
  const body = (await response.json()) as { code: string; message: string };
  // Only the seconds of a lock-out's "Try again in N s" may differ (the two calls straddle a second).
  return { status: response.status, body: { ...body, message: body.message.replace(/\d+/g, "N") }, headers: names };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

describe("the wait does not tell known usernames from unknown ones", () => {
  it("the same status, body and headers for a known user with a wrong code and an unknown user", async () => {
    const known = freshName("known");
    const userId = await calls.createUser(known);
    const { code } = await calls.generate(userId, "short", "temporary_authentication");
    const wrong = wrongCode(code, "short", 1);
    const [a, b] = await Promise.all([
      shape(await calls.wait(known, wrong, "short")),
      shape(await calls.wait(freshName("unknown"), wrong, "short")),
    ]);
    expect(a).toEqual(b);
    expect(a.body).toEqual({ code: "invalid_code", message: "The code is not valid." });
  });

  it("an unknown username is counted under the caller's address, exactly like a known one: the same lock-out, the same answers", async () => {
    const strict = await useService({ maxFailedAttemptsPerAddress: 3, trustProxy: true });
    const strictCalls = codeCalls(strict);
    const known = freshName("known");
    await strictCalls.createUser(known);
    const [a, b] = [freshAddress(), freshAddress()];
    for (let i = 0; i < 4; i++) {
      const [x, y] = await Promise.all([
        shape(await strictCalls.wait(known, "000000", "short", { address: a })),
        shape(await strictCalls.wait(freshName("unknown"), "000000", "short", { address: b })),
      ]);
      expect(x).toEqual(y);
      expect(x.status).toBe(i < 3 ? 400 : 429);
    }
  });

  it("similar timing: the median difference is small next to the spread of either", async () => {
    const known = freshName("timed");
    const userId = await calls.createUser(known);
    // The known user has live codes, so the service really looks them up and hashes.
    for (const type of ["short", "short", "short"] as const)
      await calls.generate(userId, type, "temporary_authentication");
    const time = async (username: string) => {
      const started = performance.now();
      const response = await calls.wait(username, "123 456", "short");
      await response.arrayBuffer();
      expect(response.status).toBe(400);
      return performance.now() - started;
    };
    for (let i = 0; i < 20; i++) await time(i % 2 ? known : freshName("warm")); // warm up both paths
    const knownMs: number[] = [];
    const unknownMs: number[] = [];
    // Interleaved in random order, so drift (GC, other processes on the machine) hits both alike.
    for (let i = 0; i < 150; i++) {
      if (Math.random() < 0.5) {
        knownMs.push(await time(known));
        unknownMs.push(await time(freshName("nobody")));
      } else {
        unknownMs.push(await time(freshName("nobody")));
        knownMs.push(await time(known));
      }
    }
    const difference = Math.abs(median(knownMs) - median(unknownMs));
    const spread = Math.max(
      quantile(knownMs, 0.75) - quantile(knownMs, 0.25),
      quantile(unknownMs, 0.75) - quantile(unknownMs, 0.25),
    );
    // A difference an observer could use would stand out of the noise of each path; the 0.2 ms
    // floor covers a quiet machine where the spread itself is a few tens of microseconds.
    expect(difference, `known ${median(knownMs)} ms, unknown ${median(unknownMs)} ms, IQR ${spread} ms`).toBeLessThan(
      Math.max(spread, 0.2),
    );
  });
});
