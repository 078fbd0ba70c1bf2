import { generateCodeResponseSchema } from "@handoff/types";
import { describe, expect, it } from "vitest";
import { useService } from "./helpers.js";

// The operational metrics of a real wait: held, woken by an authorize, and a 429 counted.
const t = await useService({ metrics: true, maxWaitsPerCode: 1 });

const metrics = async () => (await fetch(`${t.service.url}/metrics`)).text();
const value = (text: string, series: string) =>
  Number(
    text
      .split("\n")
      .find((line) => line.startsWith(`${series} `))
      ?.split(" ")[1] ?? Number.NaN,
  );

describe("metrics of waits", () => {
  it("a held wait is in handoff_waits_held; its wake-up is observed; a wait past the cap is a 429", async () => {
    const userId = await t.createUser("metrics@example.com");
    const generated = await t.post(
      "/api/native/codes/short/generate",
      { client_id: t.clientId, user_id: userId, purpose: "temporary_authentication" },
      { token: await t.token("codes.generate") },
    );
    const { code } = generateCodeResponseSchema.parse(await generated.json());
    const wait = () =>
      t.post(
        "/api/native/authenticate/code/wait",
        { client_id: t.clientId, username: "metrics@example.com", authentication_code: { code, type: "short" } },
        { headers: { origin: t.origin } },
      );
    const held = wait();
    await expect.poll(() => t.service.pendingWaits).toBe(1);
    expect(value(await metrics(), "handoff_waits_held")).toBe(1);
    expect((await wait()).status).toBe(429); // one wait per code here

    const authorized = await t.post(
      "/api/native/codes/short/authorize",
      { client_id: t.clientId, user_id: userId, purpose: "temporary_authentication", code },
      { token: await t.token("codes.authorize") },
    );
    expect(authorized.status).toBe(200);
    expect((await held).status).toBe(200);

    const text = await metrics();
    expect(value(text, "handoff_waits_held")).toBe(0);
    expect(value(text, "handoff_wait_wakeup_seconds_count")).toBe(1);
    expect(value(text, 'handoff_rate_limited_total{route="/api/native/authenticate/code/wait"}')).toBe(1);
    expect(
      value(text, 'handoff_http_requests_total{method="POST",route="/api/native/authenticate/code/wait",status="200"}'),
    ).toBe(1);
  });
});
