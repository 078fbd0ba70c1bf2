// The example backend's API, as the frontend calls it (same origin: Vite proxies /api).
import type { CodeType, CompleteAddPasskeyOptions } from "@handoff/browser";

/** What the frontend needs to call the Handoff service (served by the backend, nothing hard-coded). */
export interface Config {
  serviceUrl: string;
  clientId: string;
}

/** A one-time sign-in the backend started for this device. */
export interface OneTimeRequest {
  requestId: string;
  code: string;
  codeType: CodeType;
  expiresAt: string;
}

/** Who is signed in on this device. */
export interface Me {
  userId: string;
  username: string;
  /** Signed in with a one-time code: this device cannot approve others (the backend refuses). */
  signedInOnce: boolean;
  /** The credential this device signed in with: "this device" in the list of devices. */
  credentialId: string | null;
}

/** One of the user's passkeys or device keys, as "Your devices" shows it. */
export interface Device {
  id: string;
  type: "passkey" | "device_key";
  name: string;
  /** The passkey's provider ("iCloud Keychain") or what the device key said of itself. */
  deviceInfo: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  /** The credential this browser's session was made with. */
  thisDevice: boolean;
}

/** A request to sign in, as the signed-in device sees it. */
export interface IncomingRequest {
  id: string;
  code: string;
  codeType: CodeType;
  expiresAt: string;
  requester: { userAgent: string; ip: string; requestedAt: string };
}

/** A device (a CLI, a TV) asking to sign in with the OAuth device grant, as "Approve a device" shows it. */
export interface DeviceAuthorizationView {
  status: "pending" | "approved" | "denied";
  scopes: string[];
  expiresAt: string;
  requester: { userAgent: string; ip: string; requestedAt: string };
}

/** A failed backend call: its `{ code, message }` answer, or `network_error`. */
export class BackendError extends Error {
  readonly code: string;
  readonly status: number;

  constructor(code: string, message: string, status: number) {
    super(message);
    this.name = "BackendError";
    this.code = code;
    this.status = status;
  }
}

async function call<T>(path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: body === undefined ? "GET" : "POST",
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? null : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    throw new BackendError("network_error", "The app's server could not be reached.", 0);
  }
  const data: unknown = await response.json().catch(() => ({}));
  if (!response.ok) {
    const { code = "error", message = "Something went wrong." } = data as { code?: string; message?: string };
    throw new BackendError(code, message, response.status);
  }
  return data as T;
}

/** Calls of the example backend. */
export const api = {
  config: () => call<Config>("/api/config"),
  me: () => call<Me>("/api/me"),
  /** Trades the JWT a Handoff flow returned for a session cookie (the backend verifies it). */
  createSession: (jwt: string) => call<Me>("/api/session", { jwt }),
  logout: () => call<{ signedOut: true }>("/api/logout", {}),
  startOneTime: (username: string) => call<OneTimeRequest>("/api/one-time/start", { username }),
  cancelOneTime: (requestId: string) => call<{ cancelled: true }>("/api/one-time/cancel", { requestId }),
  requests: () => call<{ requests: IncomingRequest[] }>("/api/requests"),
  approve: (id: string) => call<{ approved: true }>(`/api/requests/${encodeURIComponent(id)}/approve`, {}),
  deny: (id: string) => call<{ denied: number }>(`/api/requests/${encodeURIComponent(id)}/deny`, {}),
  /** Mails `username` a code to add this device (the answer is the same for any address). */
  startAddDevice: (username: string) => call<{ sent: true; message: string }>("/api/add-device/start", { username }),
  /** Creates the account if it is new (verified, no passkey yet) and mails it a code (the answer is the same either way). */
  startSignUp: (username: string) => call<{ sent: true; message: string }>("/api/sign-up/start", { username }),
  devices: () => call<{ devices: Device[] }>("/api/devices"),
  renameDevice: (id: string, name: string) =>
    call<{ device: Device }>(`/api/devices/${encodeURIComponent(id)}/rename`, { name }),
  /** Removes a passkey or device key; `signedOut` when it was this browser's own. */
  removeDevice: (id: string) =>
    call<{ removed: string; signedOut: boolean }>(`/api/devices/${encodeURIComponent(id)}/remove`, {}),
  /** Creation options for a passkey on this device, on the backend's word (no code). */
  startAddPasskey: () => call<{ options: CompleteAddPasskeyOptions["options"] }>("/api/devices/add-passkey", {}),
  /** The device waiting with this user code (RFC 8628): who asked, before anything is decided. */
  lookUpDevice: (userCode: string) => call<DeviceAuthorizationView>("/api/approve-device/look-up", { userCode }),
  approveDevice: (userCode: string) => call<DeviceAuthorizationView>("/api/approve-device/approve", { userCode }),
  denyDevice: (userCode: string) => call<DeviceAuthorizationView>("/api/approve-device/deny", { userCode }),
};
