/**
 * The token ids (`jti`) already traded for a session, kept until the token expires, so a JWT
 * copied from a device's traffic cannot open a second session. In memory: with several backend
 * instances, a token could be used once on each (keep its lifetime short, or check `jti` in
 * your own store in `signIn`).
 */
export class UsedTokenIds {
  readonly #expiries = new Map<string, number>();

  /** Marks `tokenId` used; `false` when it already was. Forgets tokens that have expired. */
  use(tokenId: string, expiresAt: Date, nowMs = Date.now()): boolean {
    for (const [id, expiry] of this.#expiries) if (expiry <= nowMs) this.#expiries.delete(id);
    if (this.#expiries.has(tokenId)) return false;
    this.#expiries.set(tokenId, expiresAt.getTime());
    return true;
  }
}
