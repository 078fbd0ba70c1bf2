import { type Credential, signedInWithOwnKey } from "@handoff/server";
import { ApiError } from "../api-error.ts";
import type { BackendApp, BackendContext } from "../backend-context.ts";
import { readStringField } from "../read-json.ts";
import { requireSession } from "../require-session.ts";
import type { Session } from "../session-store.ts";

/** Longest device name accepted, in characters (the service's limit too). */
const MAX_NAME_LENGTH = 128;

/** A device as the page shows it. */
function device(credential: Credential, session: Session) {
  return {
    id: credential.id,
    type: credential.type,
    name: credential.name,
    deviceInfo: credential.deviceInfo,
    createdAt: credential.createdAt.toISOString(),
    lastUsedAt: credential.lastUsedAt?.toISOString() ?? null,
    thisDevice: credential.id === session.credential?.id,
  };
}

/** Only a device that signed in with its own passkey or key manages the others (not one signed in once). */
function assertMayManage(session: Session): void {
  if (!signedInWithOwnKey(session.credential?.type)) {
    throw new ApiError(
      403,
      "signed_in_once",
      "This device is signed in once: manage your devices from one that signs in with its passkey.",
    );
  }
}

/**
 * "Your devices", the signed-in user's passkeys and device keys (issue 16's lifecycle):
 * `GET /api/devices` lists them ("this device" is the credential the session was made with);
 * `POST /api/devices/:id/rename {name}`; `POST /api/devices/:id/remove` revokes one — the last
 * is refused (`last_credential`), and every session of this backend made with it ends;
 * `POST /api/devices/add-passkey` starts a passkey for this device on the backend's word
 * (`startAddPasskey`), which the page completes with `completeAddPasskey`.
 */
export function registerDeviceRoutes(app: BackendApp, context: BackendContext): void {
  const signedIn = requireSession(context.sessions);

  app.get("/api/devices", signedIn, async (c) => {
    const { session } = c.var;
    const credentials = await context.handoff.listCredentials({ userId: session.userId });
    return c.json({ devices: credentials.map((credential) => device(credential, session)) });
  });

  app.post("/api/devices/:id/rename", signedIn, async (c) => {
    const { session } = c.var;
    assertMayManage(session);
    const name = await readStringField(c, "name", MAX_NAME_LENGTH);
    const renamed = await context.handoff.renameCredential({
      userId: session.userId,
      credentialId: c.req.param("id"),
      name,
    });
    return c.json({ device: device(renamed, session) });
  });

  app.post("/api/devices/:id/remove", signedIn, async (c) => {
    const { session } = c.var;
    assertMayManage(session);
    const removed = await context.handoff.revokeCredential({ userId: session.userId, credentialId: c.req.param("id") });
    // Sessions opened with the removed passkey or key end here too: a lost phone's session with it.
    const ended = context.sessions.deleteByCredential(removed.id);
    return c.json({ removed: removed.id, signedOut: ended.includes(session.id) });
  });

  app.post("/api/devices/add-passkey", signedIn, async (c) => {
    const { session } = c.var;
    assertMayManage(session);
    return c.json(await context.handoff.startAddPasskey({ userId: session.userId }));
  });
}
