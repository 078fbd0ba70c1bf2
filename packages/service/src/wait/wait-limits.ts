import { addressKey } from "../http/client-address.js";
import { fail } from "../http/fail.js";

/** How many waits one service instance holds at once per code and per client address. */
export interface WaitLimitsOptions {
  /** Waits held at once on one code. */
  maxPerCode: number;
  /** Waits held at once from one client address (an IPv6 address counts as its /64). */
  maxPerAddress: number;
  /** `Retry-After` of a refused wait, in seconds: by then every wait held now has ended. */
  retryAfterSeconds: number;
}

/** How many codes and client addresses hold at least one wait (for tests: both 0 when idle). */
export interface HeldWaitCounts {
  codes: number;
  addresses: number;
}

/** Adds `delta` to the count of `key`, deleting it at 0 so an idle map holds nothing. */
function add(counts: Map<string, number>, key: string, delta: number): void {
  const count = (counts.get(key) ?? 0) + delta;
  if (count > 0) counts.set(key, count);
  else counts.delete(key);
}

/**
 * Caps the waits held at once per code and per client address, so one client cannot pile up
 * held connections (and their memory) on a code or from an address. The counts are those of this
 * service instance: a wait is a connection held by one process, so with several instances behind
 * a load balancer each applies the caps to the waits it holds.
 */
export class WaitLimits {
  readonly #perCode = new Map<string, number>();
  readonly #perAddress = new Map<string, number>();
  readonly #options: WaitLimitsOptions;

  constructor(options: WaitLimitsOptions) {
    this.#options = options;
  }

  /**
   * Runs `wait` (the held part of a wait, after its code matched) counted against `codeId` and
   * the client's `address`, and gives the slot back however it ends: answered, timed out,
   * aborted by the client, or thrown.
   *
   * @throws `429 too_many_attempts` with `Retry-After` when the code or the address already holds
   * as many waits as allowed; nothing is counted then.
   */
  async hold<T>(codeId: string, address: string | undefined, wait: () => Promise<T>): Promise<T> {
    const key = addressKey(address);
    const { maxPerCode, maxPerAddress, retryAfterSeconds } = this.#options;
    const details = { retryAfterSeconds };
    if ((this.#perCode.get(codeId) ?? 0) >= maxPerCode) {
      throw fail("too_many_attempts", "Too many waits are open on this code; close one and call again.", details);
    }
    if ((this.#perAddress.get(key) ?? 0) >= maxPerAddress) {
      throw fail("too_many_attempts", "Too many waits are open from this address; close one and call again.", details);
    }
    add(this.#perCode, codeId, 1);
    add(this.#perAddress, key, 1);
    try {
      return await wait();
    } finally {
      add(this.#perCode, codeId, -1);
      add(this.#perAddress, key, -1);
    }
  }

  /** How many codes and addresses hold a wait now. */
  get counts(): HeldWaitCounts {
    return { codes: this.#perCode.size, addresses: this.#perAddress.size };
  }
}
