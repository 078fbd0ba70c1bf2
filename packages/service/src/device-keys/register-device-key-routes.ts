import type { RouteModule } from "../app.js";
import { registerDeviceLoginRoutes } from "./device-login.js";
import { registerDeviceRoute } from "./register-device.js";
import { registerSignupRoute } from "./signup.js";

/**
 * The add-device flow of seed 003 for devices without FIDO: `/pwless/signup`,
 * `/pwless/devices`, and sign-in with the registered key (`/pwless/login/init`, `/complete`).
 */
export const registerDeviceKeyRoutes: RouteModule = (app, context) => {
  registerSignupRoute(app, context);
  registerDeviceRoute(app, context);
  registerDeviceLoginRoutes(app, context);
};
