/**
 * How long after `exp` a token id is kept: `verifyToken` still accepts a token for its
 * `clockToleranceSeconds` of skew (at most 300 s) after `exp`, so its id must outlive that.
 */
const TOLERANCE_MARGIN_MS = 300_000;

/** How often expired token ids are swept out, at most. */
const SWEEP_INTERVAL_MS = 60_000;

/**
 * The token ids (`jti`) already traded for a session, kept until the token can no longer verify,
 * so a JWT copied from a device's traffic cannot open a second session. In memory: with several
 * backend instances, a token could be used once on each (keep its lifetime short, or check `jti`
 * in your own store in `signIn`).
 *
 * @example
 * const usedTokens = new UsedTokenIds();
 * const claims = await handoff.verifyToken(jwt);
 * if (!usedTokens.use(claims.tokenId, claims.expiresAt)) throw new Error("this sign-in was already used");
 */
export class UsedTokenIds {
  readonly #forgetAt = new Map<string, number>();
  #nextSweep = 0;

  /** Marks `tokenId` used; `false` when it already was. */
  use(tokenId: string, expiresAt: Date, nowMs = Date.now()): boolean {
    if (nowMs >= this.#nextSweep) {
      this.#nextSweep = nowMs + SWEEP_INTERVAL_MS;
      for (const [id, forgetAt] of this.#forgetAt) if (forgetAt <= nowMs) this.#forgetAt.delete(id);
    }
    if (this.#forgetAt.has(tokenId)) return false;
    this.#forgetAt.set(tokenId, expiresAt.getTime() + TOLERANCE_MARGIN_MS);
    return true;
  }
}
