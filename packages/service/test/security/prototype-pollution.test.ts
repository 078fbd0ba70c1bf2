import { ENDPOINTS } from "@handoff/types";
import { afterAll, describe, expect, it } from "vitest";
import { useService } from "../helpers.js";
import { codeCalls, freshName, outcome } from "./code-calls.js";

// The service runs in this process, so its prototypes are the ones checked here.
const t = await useService();
const calls = codeCalls(t);
const before = {
  object: Object.getOwnPropertyNames(Object.prototype).sort(),
  array: Object.getOwnPropertyNames(Array.prototype).sort(),
  function: Object.getOwnPropertyNames(Function.prototype).sort(),
};
const POISON = '{"polluted":"yes","isAdmin":true,"client_id":"poisoned","toString":1}';

afterAll(() => {
  // Belt and braces for the other files of this worker, whatever happened above.
  for (const key of ["polluted", "isAdmin"]) Reflect.deleteProperty(Object.prototype, key);
});

function expectPrototypesUntouched() {
  const probe: Record<string, unknown> = {};
  expect(probe.polluted).toBeUndefined();
  expect(probe.isAdmin).toBeUndefined();
  expect(typeof probe.toString).toBe("function");
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before.object);
  expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(before.array);
  expect(Object.getOwnPropertyNames(Function.prototype).sort()).toEqual(before.function);
}

describe("__proto__, constructor and duplicate keys pollute nothing", () => {
  it("every POST endpoint, with poison at the top level and inside nested objects", async () => {
    const poisoned = [
      `{"__proto__":${POISON},"constructor":{"prototype":${POISON}},"client_id":"${t.clientId}","username":"x"}`,
      `{"client_id":"${t.clientId}","authentication_code":{"__proto__":${POISON},"code":"123456","type":"short"}}`,
      `{"credential":{"response":{"__proto__":${POISON}},"__proto__":${POISON}},"email":"a@example.com"}`,
      `[{"__proto__":${POISON}}]`,
    ];
    const token = async () => t.token("codes.generate");
    for (const endpoint of Object.values(ENDPOINTS).filter((e) => e.method === "POST")) {
      for (const body of poisoned) {
        const response = await t.post(endpoint.path.replace("{type}", "short"), body, { token: await token() });
        expect(response.status, endpoint.path).toBeLessThan(500);
      }
    }
    expectPrototypesUntouched();
  });

  it("a field given only through __proto__ counts as missing", async () => {
    const name = freshName("proto");
    await calls.createUser(name);
    const body = `{"__proto__":{"client_id":"${t.clientId}"},"username":"${name}","authentication_code":{"code":"123456","type":"short"}}`;
    expect(await outcome(await t.post("/api/native/authenticate/code/wait", body))).toEqual({
      status: 400,
      code: "invalid_request",
    });
    expectPrototypesUntouched();
  });

  it("with duplicate keys the value checked is the value used: the last one, once", async () => {
    const first = freshName("dup-first");
    const last = freshName("dup-last");
    const created = await t.post("/api/native/manage/users", `{"username":"${first}","username":"${last}"}`, {
      token: await t.token("users.create"),
    });
    expect(created.status).toBe(200);
    expect(await created.json()).toMatchObject({ username: last });
    const retrieve = async (username: string) =>
      (await t.post("/api/native/manage/users/retrieve", { username }, { token: await t.token("users.retrieve") }))
        .status;
    expect(await retrieve(first)).toBe(404);
    expect(await retrieve(last)).toBe(200);
  });

  it("a token bound to user A cannot reach user B by a duplicated user_id", async () => {
    const a = await calls.createUser(freshName("bound-a"));
    const b = await calls.createUser(freshName("bound-b"));
    for (const [one, two] of [
      [a, b],
      [b, a],
    ]) {
      const body = `{"client_id":"${t.clientId}","user_id":"${one}","user_id":"${two}","purpose":"temporary_authentication"}`;
      const response = await t.post("/api/native/codes/short/generate", body, {
        token: await t.token("codes.generate", { user_id: a }),
      });
      // The last user_id is the one checked against the token and the one acted on.
      if (two === a) expect(response.status).toBe(200);
      else expect(await outcome(response)).toEqual({ status: 403, code: "forbidden" });
    }
  });
});
