/**
 * Drives oidc-provider's device flow (lib/peers/oidc-provider-server.ts) over loopback HTTP, as a
 * device and as a signed-in user approving on another device with a browser.
 *
 * Approval is oidc-provider's own user-code pages, three requests with the approver's session
 * cookie: `GET /device` (the code form, which puts a fresh xsrf secret in the session), `POST
 * /device` with the user code (the "confirm this device" page), `POST /device` with `confirm=yes`
 * (login and consent are already satisfied by the session and its grant, so oidc-provider records
 * the approval on the device code and answers with its success page).
 */
import { readFileSync } from "node:fs";
import { CookieJar } from "./cookie-jar.ts";
import { DEVICE_CLIENT_ID, DEVICE_CODE_GRANT_TYPE } from "./device-client.ts";
import type { DeviceAuthorization, DeviceFlowPeer } from "./device-flow-peer.ts";
import { startPeerProcess } from "./start-peer-process.ts";

const VERSION = (
  JSON.parse(readFileSync(new URL("../../node_modules/oidc-provider/package.json", import.meta.url), "utf8")) as {
    version: string;
  }
).version;

/** Starts oidc-provider in its own process and returns its driver. */
export async function startOidcProviderPeer(): Promise<DeviceFlowPeer> {
  const peer = await startPeerProcess(new URL("./oidc-provider-server.ts", import.meta.url), []);
  const approvers: CookieJar[] = [];

  /** A request from `jar`'s browser; never follows redirects. */
  const send = async (jar: CookieJar, path: string, fields?: Record<string, string>): Promise<Response> => {
    const response = await fetch(new URL(path, peer.url), {
      redirect: "manual",
      headers: { cookie: jar.header(), "content-type": "application/x-www-form-urlencoded" },
      ...(fields ? { method: "POST", body: new URLSearchParams(fields).toString() } : {}),
    });
    jar.store(response);
    return response;
  };
  const text = async (response: Response, expected: number, step: string): Promise<string> => {
    const body = await response.text();
    if (response.status !== expected)
      throw new Error(`oidc-provider ${step}: ${response.status} ${body.slice(0, 300)}`);
    return body;
  };
  const xsrfOf = (html: string): string => {
    const match = /name="xsrf" value="([^"]+)"/.exec(html);
    if (!match) throw new Error("oidc-provider: no xsrf field in the user-code page");
    return match[1] as string;
  };
  /** The three approval requests; answers the last one (success page, or a redirect to log in). */
  const enterAndConfirm = async (jar: CookieJar, userCode: string): Promise<Response> => {
    const xsrf = xsrfOf(await text(await send(jar, "/device"), 200, "GET /device"));
    await text(await send(jar, "/device", { xsrf, user_code: userCode }), 200, "POST /device");
    return send(jar, "/device", { xsrf, user_code: userCode, confirm: "yes" });
  };

  const driver: DeviceFlowPeer = {
    name: `oidc-provider ${VERSION}`,
    requestsPerCycle: 5,
    approval: "`GET /device`, `POST /device` (user code), `POST /device` (confirm), with the approver's session",
    async signInApprovers(count) {
      for (let i = approvers.length; i < count; i++) {
        const jar = new CookieJar();
        const { userCode, deviceCode } = await driver.authorizeDevice();
        // Not signed in yet: oidc-provider sends the browser to its login interaction.
        const toLogin = await enterAndConfirm(jar, userCode);
        await toLogin.arrayBuffer();
        const interaction = toLogin.headers.get("location");
        if (toLogin.status !== 303 || !interaction)
          throw new Error(`oidc-provider: no login redirect (${toLogin.status})`);
        const finished = await send(jar, `${interaction}/login`, { account_id: `approver-${i}` });
        await finished.arrayBuffer();
        const resume = finished.headers.get("location");
        if (!resume) throw new Error(`oidc-provider: login not finished (${finished.status})`);
        await text(await send(jar, resume), 200, "resume");
        if (!(await driver.redeem(deviceCode))) throw new Error("oidc-provider: sign-in device code not approved");
        approvers.push(jar);
      }
    },
    async authorizeDevice(): Promise<DeviceAuthorization> {
      const response = await fetch(new URL("/device/auth", peer.url), {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ client_id: DEVICE_CLIENT_ID, scope: "openid" }).toString(),
      });
      const body = JSON.parse(await text(response, 200, "device authorization")) as {
        device_code: string;
        user_code: string;
        interval?: number;
      };
      return {
        deviceCode: body.device_code,
        userCode: body.user_code,
        intervalSeconds: body.interval ?? 5,
        intervalAdvertised: body.interval !== undefined,
      };
    },
    async approve(approver, userCode) {
      const jar = approvers[approver];
      if (!jar) throw new Error(`oidc-provider: approver ${approver} not signed in`);
      await text(await enterAndConfirm(jar, userCode), 200, "confirm");
    },
    async redeem(deviceCode) {
      const response = await fetch(new URL("/token", peer.url), {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: DEVICE_CODE_GRANT_TYPE,
          device_code: deviceCode,
          client_id: DEVICE_CLIENT_ID,
        }).toString(),
      });
      const body = JSON.parse(await response.text()) as { id_token?: string; error?: string };
      if (response.status === 200 && body.id_token) return true;
      if (body.error === "authorization_pending") return false;
      throw new Error(`oidc-provider token: ${response.status} ${JSON.stringify(body)}`);
    },
    pid: peer.pid,
    stop: () => peer.stop(),
  };
  return driver;
}
