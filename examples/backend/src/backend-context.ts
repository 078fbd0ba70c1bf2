import type { ServerClient } from "@handoff/server";
import type { UsedTokenIds } from "@handoff/server/handler";
import type { Hono } from "hono";
import type { CodeMailer } from "./code-mailer.ts";
import type { PendingRequests } from "./pending-requests.ts";
import type { ServiceCodeResult } from "./request-service-code.ts";
import type { Session, SessionStore } from "./session-store.ts";

/** Hono's environment for the backend: routes behind `requireSession` read `c.var.session`. */
export interface BackendEnv {
  Variables: { session: Session };
}

/** The backend's app type. */
export type BackendApp = Hono<BackendEnv>;

/** What the route modules share. */
export interface BackendContext {
  handoff: ServerClient;
  serviceUrl: string;
  sessions: SessionStore;
  usedTokens: UsedTokenIds;
  requests: PendingRequests;
  mailer: CodeMailer;
  /** Has the service email an add-device security code (`/pwless/signup`): see `requestServiceCode`. */
  requestServiceCode: (email: string) => Promise<ServiceCodeResult>;
  trustProxy: boolean;
  secureCookies: boolean;
  sessionTtlMs: number;
  oneTimeSessionsMayApprove: boolean;
  onError: (error: unknown) => void;
}
