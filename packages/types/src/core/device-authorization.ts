import type { DeviceAuthorizationWire } from "../device-authorizations.js";
import type { CodeRequester } from "./pending-code.js";

/** Where a device authorization stands. */
export type DeviceAuthorizationStatus = "pending" | "approved" | "denied";

/** A device authorization (RFC 8628) as the server SDK returns it: what to show before Approve. */
export interface DeviceAuthorization {
  /** `pending` until approved or denied. */
  status: DeviceAuthorizationStatus;
  /** The scopes the device asked for (`openid` asks for an ID token too). */
  scopes: string[];
  /** When the device asked. */
  createdAt: Date;
  /** When its codes stop being accepted. */
  expiresAt: Date;
  /**
   * The device that asked (user agent, IP, time), to show before Approve so the user can tell
   * their own device from a phisher's (RFC 8628 §5.4).
   */
  requester: CodeRequester;
}

/**
 * Converts a wire device authorization to a {@link DeviceAuthorization}.
 *
 * @example
 * const authorization = toDeviceAuthorization(deviceAuthorizationSchema.parse(body));
 */
export function toDeviceAuthorization(wire: DeviceAuthorizationWire): DeviceAuthorization {
  const { requester } = wire;
  return {
    status: wire.status,
    scopes: wire.scope === "" ? [] : wire.scope.split(" "),
    createdAt: new Date(wire.created_at),
    expiresAt: new Date(wire.expires_at),
    requester: {
      ...(requester.user_agent === undefined ? {} : { userAgent: requester.user_agent }),
      ...(requester.ip === undefined ? {} : { ip: requester.ip }),
      seenAt: new Date(requester.seen_at),
    },
  };
}
