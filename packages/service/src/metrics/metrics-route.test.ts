import { afterAll, describe, expect, it } from "vitest";
import { type RunningService, startService } from "../start-service.js";

const services: RunningService[] = [];
async function service(metrics: boolean | { bearerToken: string }) {
  const started = await startService({ port: 0, database: ":memory:", logger: false, metrics });
  services.push(started);
  return started;
}
afterAll(() => Promise.all(services.map((started) => started.close())));

/** One sample's value from the Prometheus text format, or undefined. */
function sample(text: string, name: string, labels = ""): number | undefined {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${name}${labels} `));
  return line === undefined ? undefined : Number(line.split(" ")[1]);
}

describe("GET /metrics", () => {
  it("does not exist unless the metrics option is on", async () => {
    const { url } = await service(false);
    const response = await fetch(`${url}/metrics`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: "not_found" });
  });

  it("counts requests by route pattern and status, never by raw path, and holds no wait", async () => {
    const { url } = await service(true);
    await fetch(`${url}/health`);
    await fetch(`${url}/health`);
    // Two different ids, one series: the label is the pattern.
    for (const id of ["a", "b"]) await fetch(`${url}/api/native/manage/users/${id}`, { method: "DELETE" });
    for (const method of ["PROPFIND", "MKCOL"]) await fetch(`${url}/health`, { method });
    const response = await fetch(`${url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(sample(text, "handoff_http_requests_total", '{method="GET",route="/health",status="200"}')).toBe(2);
    expect(text).toMatch(
      /handoff_http_requests_total\{method="DELETE",route="\/api\/native\/manage\/users\/:id",status="401"\} 2/,
    );
    expect(text).not.toContain("/users/a");
    expect(text).toMatch(/handoff_http_requests_total\{method="OTHER",route="\/\*",status="404"\} 2/); // no series per verb
    expect(sample(text, "handoff_waits_held")).toBe(0);
    expect(text).toContain("# TYPE handoff_wait_wakeup_seconds histogram");
    expect(text).toContain("# TYPE handoff_rate_limited_total counter");
  });

  it("with a bearer token, answers only to that token", async () => {
    const bearerToken = "metrics-token-0123456789";
    const { url } = await service({ bearerToken });
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${url}/metrics`, { headers: { authorization: "Bearer metrics-token-0123456788" } });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ code: "invalid_token" });
    const right = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${bearerToken}` } });
    expect(right.status).toBe(200);
  });

  it("refuses a short bearer token at start", async () => {
    await expect(service({ bearerToken: "short" })).rejects.toMatchObject({ code: "invalid_argument" });
  });
});
