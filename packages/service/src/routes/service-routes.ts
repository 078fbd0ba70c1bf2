import type { Hono } from "hono";
import type { ServiceContext } from "../context.js";
import { registerCodeRoutes } from "./codes.js";
import { registerCredentialRoutes } from "./credentials.js";
import { registerDeviceApprovalRoutes } from "./device-approval.js";
import { registerDeviceAuthorizationRoute } from "./device-authorization.js";
import { registerHealthRoute } from "./health.js";
import { registerKeyRoutes } from "./keys.js";
import { registerMetricsRoute } from "./metrics.js";
import { registerOAuthMetadataRoutes } from "./oauth-metadata.js";
import { registerOAuthTokenRoute } from "./oauth-token.js";
import { registerPasskeyAddRoutes } from "./passkey-add.js";
import { registerPasskeyForceAddRoute } from "./passkey-force-add.js";
import { registerPasskeySignInRoutes } from "./passkey-sign-in.js";
import { registerPasskeySignUpRoutes } from "./passkey-sign-up.js";
import { registerPwlessDevicesRoute } from "./pwless-devices.js";
import { registerPwlessLoginRoutes } from "./pwless-login.js";
import { registerPwlessSignupRoute } from "./pwless-signup.js";
import { registerUserLifecycleRoutes } from "./user-lifecycle.js";
import { registerUserRoutes } from "./users.js";
import { registerWaitRoutes } from "./wait.js";

/** Adds one group of the service's routes to the app. */
export type RegisterRoutes = (app: Hono, context: ServiceContext) => void;

/**
 * Every route of the service, in the order `createApp` registers them: the health check and the
 * metrics (when on); users,
 * deleting, deactivating and activating users, codes, the wait and the signing keys; add device without a passkey (`/pwless/signup`,
 * `/pwless/devices`) and sign-in with its key (`/pwless/login/…`); passkey sign-up, sign-in and
 * add passkey (`…/fido2/init`, `…/fido2/complete`) and its start by the backend (`…/fido2/init/force`);
 * a user's credentials (list, rename, revoke); the OAuth device authorization grant (discovery,
 * device authorization, token) and its approval by the backend.
 */
export const SERVICE_ROUTES: readonly RegisterRoutes[] = [
  registerHealthRoute,
  registerMetricsRoute,
  registerUserRoutes,
  registerUserLifecycleRoutes,
  registerCodeRoutes,
  registerWaitRoutes,
  registerKeyRoutes,
  registerPwlessSignupRoute,
  registerPwlessDevicesRoute,
  registerPwlessLoginRoutes,
  registerPasskeySignUpRoutes,
  registerPasskeySignInRoutes,
  registerPasskeyAddRoutes,
  registerPasskeyForceAddRoute,
  registerCredentialRoutes,
  registerOAuthMetadataRoutes,
  registerDeviceAuthorizationRoute,
  registerOAuthTokenRoute,
  registerDeviceApprovalRoutes,
];
