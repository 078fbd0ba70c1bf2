// Boot: read the service URL and client id from the backend, then show the right screen.
import { api } from "./api.ts";
import { describeError } from "./messages.ts";
import { showApproveDevice, USER_CODE_PARAM } from "./screens/approve-device.ts";
import { showSignedIn } from "./screens/signed-in.ts";
import { showStart } from "./screens/start.ts";
import { initClient } from "./session.ts";
import { setStatus } from "./ui.ts";
import "./style.css";

async function boot(): Promise<void> {
  initClient(await api.config());
  const me = await api.me().catch(() => undefined);
  // Opened from a device's QR code (`verification_uri_complete`): straight to its approval.
  const userCode = new URLSearchParams(location.search).get(USER_CODE_PARAM);
  if (me && userCode && !me.signedInOnce) showApproveDevice(me, userCode);
  else if (me) showSignedIn(me);
  else await showStart();
}

boot().catch((error: unknown) => setStatus(describeError(error), "error"));
