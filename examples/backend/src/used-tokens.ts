/**
 * Remembers the ids (`jti`) of the user JWTs already exchanged for a session until they expire,
 * so a JWT copied from a browser or a log cannot open a second session.
 *
 * @example
 * if (!usedTokens.use(claims.tokenId, claims.expiresAt)) throw new ApiError(401, "token_used", "…");
 */
export class UsedTokens {
  readonly #expiries = new Map<string, number>();

  /** Records a token id; `false` when it was already used. */
  use(tokenId: string, expiresAt: Date, nowMs = Date.now()): boolean {
    for (const [id, expiresAtMs] of this.#expiries) if (expiresAtMs <= nowMs) this.#expiries.delete(id);
    if (this.#expiries.has(tokenId)) return false;
    this.#expiries.set(tokenId, expiresAt.getTime());
    return true;
  }
}
