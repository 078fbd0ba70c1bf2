export { ApiError } from "./api-error.ts";
export type { BackendApp, BackendEnv } from "./backend-context.ts";
export type { BackendOptions, RateLimitOptions, SmtpOptions } from "./backend-options.ts";
export type { RunningBackend } from "./create-backend.ts";
export { createBackend } from "./create-backend.ts";
export { createBackendApp } from "./create-backend-app.ts";
export type { PendingRequest, Requester } from "./pending-requests.ts";
