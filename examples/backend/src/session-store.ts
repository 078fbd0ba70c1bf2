import type { UserTokenClaims } from "@handoff/server";

/** A signed-in browser: who it is, with what it signed in, and until when. */
export interface Session {
  /** The random session id (the cookie's value). */
  id: string;
  /** The Handoff user id (the verified JWT's `sub`). */
  userId: string;
  /** The username (the verified JWT's `udata`). */
  username: string;
  /**
   * The credential the Handoff session was made with (the verified JWT's `credential`): a
   * one-time code (`"code"`), a passkey (`"fido2"`) or a device key; `null` from older services.
   */
  credential: UserTokenClaims["credential"];
  /** When the session ends, in epoch milliseconds. */
  expiresAtMs: number;
}

/**
 * Sessions in memory, keyed by a random id (32 bytes from the CSPRNG, base64url). A real app
 * keeps them in its database or uses its framework's session middleware.
 *
 * @example
 * const sessions = new SessionStore(8 * 60 * 60 * 1000);
 * const session = sessions.create({ userId, username, credential: { type: "fido2", id } });
 */
export class SessionStore {
  readonly #sessions = new Map<string, Session>();
  readonly #ttlMs: number;

  /** @param ttlMs How long a session lasts, in milliseconds. */
  constructor(ttlMs: number) {
    this.#ttlMs = ttlMs;
  }

  /** Starts a session with a fresh id (never reuses one the browser sent: no session fixation). */
  create(user: Pick<Session, "userId" | "username" | "credential">, nowMs = Date.now()): Session {
    const id = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
    const session = { id, ...user, expiresAtMs: nowMs + this.#ttlMs };
    this.#sessions.set(id, session);
    return session;
  }

  /** The live session with this id, or `undefined` (expired sessions are dropped). */
  get(id: string | undefined, nowMs = Date.now()): Session | undefined {
    if (id === undefined) return undefined;
    const session = this.#sessions.get(id);
    if (session && session.expiresAtMs <= nowMs) {
      this.#sessions.delete(id);
      return undefined;
    }
    return session;
  }

  /** Ends every session made with the credential `credentialId` (it was removed); their ids. */
  deleteByCredential(credentialId: string): string[] {
    const ended = [...this.#sessions.values()].filter((session) => session.credential?.id === credentialId);
    for (const session of ended) this.#sessions.delete(session.id);
    return ended.map((session) => session.id);
  }

  /** Ends a session. */
  delete(id: string): void {
    this.#sessions.delete(id);
  }
}
