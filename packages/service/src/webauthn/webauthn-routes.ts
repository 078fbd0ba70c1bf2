import type { RouteModule } from "../app.js";
import { registerAddCredentialRoutes } from "./add-credential-routes.js";
import { registerSignInRoutes } from "./authenticate-routes.js";
import { registerSignUpRoutes } from "./register-routes.js";

/**
 * The six passkey endpoints (`…/fido2/init` and `…/fido2/complete` for sign-up, sign-in and
 * add credential), as one route module for `startService`.
 */
export const webAuthnRoutes: RouteModule = (app, context) => {
  registerSignUpRoutes(app, context);
  registerSignInRoutes(app, context);
  registerAddCredentialRoutes(app, context);
};
