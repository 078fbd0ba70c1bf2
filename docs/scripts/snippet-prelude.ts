import type { BrowserClient } from "@handoff/browser";
import type { ServerClient } from "@handoff/server";
import type { RunningService } from "@handoff/service";

// Names the guides use without defining them.
declare const handoff: ServerClient;
declare const service: RunningService;
declare const client: BrowserClient;
declare const userId: string;
declare const username: string;
declare const code: string;
declare const jwt: string;
declare const expiresAt: Date;
declare const signal: AbortSignal;
declare const onWait: (progress: { attempt: number; elapsedMs: number; remainingMs: number }) => void;
declare const clientId: string;
declare const privateKeyPem: string;
declare class LoginIdManagement {
  constructor(clientId: string, privateKey: string, baseUrl: string);
}
