/**
 * The backend routes around Handoff as one fetch handler: `createHandoffHandler`; and
 * `UsedTokenIds`, the one-use rule for user JWTs, for a backend that writes its own routes.
 *
 * @packageDocumentation
 * @module @handoff/server/handler
 */
export type { HandoffHandler } from "./create-handoff-handler.js";
export { createHandoffHandler } from "./create-handoff-handler.js";
export type { HandoffHandlerOptions, SignedInUser } from "./handler-options.js";
export { UsedTokenIds } from "./used-token-ids.js";
