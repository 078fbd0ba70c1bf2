import type { CodeType } from "@handoff/server";

/** Who asked to sign in: what the approving device shows (RFC 8628 §5.4, remote phishing). */
export interface Requester {
  /** The new device's `User-Agent`, at most 300 characters. */
  userAgent: string;
  /** The new device's IP address. */
  ip: string;
  /** When it asked. */
  requestedAt: Date;
}

/** A one-time sign-in waiting for the user's approval on a signed-in device. */
export interface PendingRequest {
  /** A random id, used in the approve and deny URLs. */
  id: string;
  userId: string;
  username: string;
  /** The code the new device shows and waits on; the approving device shows it to compare. */
  code: string;
  codeType: CodeType;
  expiresAt: Date;
  requester: Requester;
}

/**
 * One-time sign-in requests in memory, per user, the newest last. A real app keeps them in its
 * database (or pushes them to the user's devices).
 *
 * @example
 * const requests = new PendingRequests(5);
 * requests.add({ id: crypto.randomUUID(), userId, username, code, codeType: "short", expiresAt, requester });
 * requests.list(userId); // what the signed-in device shows
 */
export class PendingRequests {
  readonly #byUser = new Map<string, PendingRequest[]>();
  readonly #maxPerUser: number;

  /** @param maxPerUser Requests kept per user; adding one more drops the oldest. */
  constructor(maxPerUser: number) {
    this.#maxPerUser = maxPerUser;
  }

  /** Adds a request. */
  add(request: PendingRequest): void {
    const list = [...(this.#byUser.get(request.userId) ?? []), request];
    this.#byUser.set(request.userId, list.slice(-this.#maxPerUser));
  }

  /** The user's requests that have not expired, oldest first. */
  list(userId: string, now = new Date()): PendingRequest[] {
    const live = (this.#byUser.get(userId) ?? []).filter((request) => request.expiresAt > now);
    if (live.length === 0) this.#byUser.delete(userId);
    else this.#byUser.set(userId, live);
    return live;
  }

  /** One of the user's requests (never another user's). */
  get(userId: string, id: string): PendingRequest | undefined {
    return this.#byUser.get(userId)?.find((request) => request.id === id);
  }

  /** The request with this id, whoever it is for (the new device cancelling its own request). */
  find(id: string): PendingRequest | undefined {
    for (const list of this.#byUser.values()) {
      const found = list.find((request) => request.id === id);
      if (found) return found;
    }
    return undefined;
  }

  /** Removes one request. */
  remove(request: PendingRequest): void {
    const list = (this.#byUser.get(request.userId) ?? []).filter((other) => other.id !== request.id);
    if (list.length === 0) this.#byUser.delete(request.userId);
    else this.#byUser.set(request.userId, list);
  }

  /** Removes all of a user's requests (after a deny, which invalidates all their codes). */
  removeAll(userId: string): number {
    const count = this.#byUser.get(userId)?.length ?? 0;
    this.#byUser.delete(userId);
    return count;
  }
}
