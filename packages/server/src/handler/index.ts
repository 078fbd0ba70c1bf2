/**
 * The backend routes around Handoff as one fetch handler: `createHandoffHandler`.
 *
 * @packageDocumentation
 * @module @handoff/server/handler
 */
export type { HandoffHandler } from "./create-handoff-handler.js";
export { createHandoffHandler } from "./create-handoff-handler.js";
export type { HandoffHandlerOptions, SignedInUser } from "./handler-options.js";
