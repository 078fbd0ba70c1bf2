/**
 * Drives better-auth's deviceAuthorization plugin (lib/peers/better-auth-server.ts) over loopback
 * HTTP, as a device and as a signed-in user approving on another device with a browser. Every
 * request carries `x-forwarded-for: 127.0.0.1`, as a proxy in front of better-auth sets it, so
 * its rate limiter counts each one; browser requests also carry the `Origin` a browser sends.
 *
 * Approver sign-in (not timed) is `POST /sign-up/email`. Approval is the plugin's two requests
 * with the session cookie: `GET /device?user_code=…` (the verification page's lookup, which binds
 * the code to the signed-in user: `/device/approve` refuses a code nobody has claimed) and `POST
 * /device/approve`.
 */
import { readFileSync } from "node:fs";
import { CookieJar } from "./cookie-jar.ts";
import { DEVICE_CLIENT_ID, DEVICE_CODE_GRANT_TYPE } from "./device-client.ts";
import type { DeviceAuthorization, DeviceFlowPeer } from "./device-flow-peer.ts";
import { startPeerProcess } from "./start-peer-process.ts";

const VERSION = (
  JSON.parse(readFileSync(new URL("../../node_modules/better-auth/package.json", import.meta.url), "utf8")) as {
    version: string;
  }
).version;

/**
 * Starts better-auth in its own process, advertising and enforcing `interval` between polls
 * (the plugin's option; `"5s"` is its default), and returns its driver.
 */
export async function startBetterAuthPeer(interval: "1s" | "5s" = "5s"): Promise<DeviceFlowPeer> {
  const peer = await startPeerProcess(new URL("./better-auth-server.ts", import.meta.url), [interval]);
  const approvers: CookieJar[] = [];

  /** A JSON request to `/api/auth<path>`, from `jar`'s browser when given (cookies and Origin). */
  const send = async (path: string, body?: unknown, jar?: CookieJar): Promise<Response> => {
    const response = await fetch(`${peer.url}/api/auth${path}`, {
      headers: {
        "content-type": "application/json",
        "x-forwarded-for": "127.0.0.1",
        ...(jar ? { cookie: jar.header(), origin: peer.url } : {}),
      },
      ...(body === undefined ? {} : { method: "POST", body: JSON.stringify(body) }),
    });
    jar?.store(response);
    return response;
  };
  const json = async <T>(response: Response, step: string): Promise<T> => {
    const text = await response.text();
    if (response.status !== 200) throw new Error(`better-auth ${step}: ${response.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  };

  const driver: DeviceFlowPeer = {
    name: `better-auth ${VERSION}`,
    requestsPerCycle: 4,
    approval: "`GET /device?user_code=…` (claims the code), `POST /device/approve`, with the approver's session",
    async signInApprovers(count) {
      for (let i = approvers.length; i < count; i++) {
        const jar = new CookieJar();
        const email = `approver-${i}-${crypto.randomUUID()}@bench.local`;
        await json(
          await send("/sign-up/email", { email, password: crypto.randomUUID(), name: `approver ${i}` }, jar),
          "sign-up",
        );
        approvers.push(jar);
      }
    },
    async authorizeDevice(): Promise<DeviceAuthorization> {
      const body = await json<{ device_code: string; user_code: string; interval: number }>(
        await send("/device/code", { client_id: DEVICE_CLIENT_ID }),
        "device code",
      );
      return {
        deviceCode: body.device_code,
        userCode: body.user_code,
        intervalSeconds: body.interval,
        intervalAdvertised: true,
      };
    },
    async approve(approver, userCode) {
      const jar = approvers[approver];
      if (!jar) throw new Error(`better-auth: approver ${approver} not signed in`);
      await json(await send(`/device?user_code=${encodeURIComponent(userCode)}`, undefined, jar), "GET /device");
      await json(await send("/device/approve", { userCode }, jar), "approve");
    },
    async redeem(deviceCode) {
      const response = await send("/device/token", {
        grant_type: DEVICE_CODE_GRANT_TYPE,
        device_code: deviceCode,
        client_id: DEVICE_CLIENT_ID,
      });
      const body = JSON.parse(await response.text()) as { access_token?: string; error?: string };
      if (response.status === 200 && body.access_token) return true;
      if (body.error === "authorization_pending") return false;
      throw new Error(`better-auth token: ${response.status} ${JSON.stringify(body)}`);
    },
    pid: peer.pid,
    stop: () => peer.stop(),
  };
  return driver;
}
