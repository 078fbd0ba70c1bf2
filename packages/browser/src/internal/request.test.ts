import { WAIT_CODE_ENDPOINT } from "@handoff/types/core/endpoints/codes";
import { isHandoffError } from "@handoff/types/core/errors";
import { describe, expect, it } from "vitest";
import { request } from "./request.js";

const path = WAIT_CODE_ENDPOINT.path;

/** A client configuration whose fetch answers `response` and records the requests. */
function answering(response: () => Response) {
  const sent: Request[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    sent.push(new Request(input, init));
    return response();
  };
  return { config: { baseUrl: "https://handoff.test", clientId: "c", fetch, timeoutMs: 1_000 as const }, sent };
}

const send = (config: ReturnType<typeof answering>["config"]) =>
  request(config, { endpoint: WAIT_CODE_ENDPOINT, body: {}, validate: (body) => body }).catch(
    (error: unknown) => error,
  );

describe("request(), error answers mapped as the server SDK maps them", () => {
  it("sends the endpoint's method to its path", async () => {
    const { config, sent } = answering(() => Response.json({ ok: true }));
    await expect(send(config)).resolves.toEqual({ ok: true });
    expect(sent.map((r) => [r.method, new URL(r.url).pathname])).toEqual([["POST", path]]);
  });

  it("keeps a code it does not know in details.serviceCode", async () => {
    const { config } = answering(() => Response.json({ code: "brand_new_code", message: "New." }, { status: 400 }));
    expect(await send(config)).toMatchObject({
      code: "invalid_response",
      status: 400,
      details: { path, serviceCode: "brand_new_code" },
    });
  });

  it("reads an HTTP-date Retry-After", async () => {
    const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
    const { config } = answering(() =>
      Response.json(
        { code: "too_many_attempts", message: "Wait." },
        { status: 429, headers: { "retry-after": inTwoMinutes } },
      ),
    );
    const error = await send(config);
    expect(error).toMatchObject({ code: "too_many_attempts", message: "Wait.", status: 429 });
    if (!isHandoffError(error)) throw error;
    expect(error.details?.retryAfterSeconds).toBeGreaterThan(100);
  });

  it("keeps the status and Retry-After of an error answer that is not JSON (a proxy's page)", async () => {
    const { config } = answering(
      () => new Response("<html>busy</html>", { status: 503, headers: { "retry-after": "7" } }),
    );
    expect(await send(config)).toMatchObject({
      code: "invalid_response",
      status: 503,
      details: { path, retryAfterSeconds: 7 },
    });
  });
});
