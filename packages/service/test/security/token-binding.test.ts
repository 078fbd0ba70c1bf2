import { generateCodeResponseSchema } from "@handoff/types";
import { describe, expect, it } from "vitest";
import { useService } from "../helpers.js";
import { freshName, outcome } from "./code-calls.js";

const t = await useService();
const alice = { name: freshName("alice"), id: "" };
const bob = { name: freshName("bob"), id: "" };
alice.id = await t.createUser(alice.name);
bob.id = await t.createUser(bob.name);
const purpose = "temporary_authentication";

const generate = async (userId: string, claims: Record<string, unknown>) =>
  t.post(
    "/api/native/codes/short/generate",
    { client_id: t.clientId, user_id: userId, purpose, authorize: true },
    { token: await t.token("codes.generate", claims) },
  );
const retrieve = async (username: string, claims: Record<string, unknown>) =>
  t.post("/api/native/manage/users/retrieve", { username }, { token: await t.token("users.retrieve", claims) });
const wait = async (username: string, code: string, claims: Record<string, unknown>) =>
  t.post(
    "/api/native/authenticate/code/wait",
    { client_id: t.clientId, username, authentication_code: { code, type: "short" } },
    { token: await t.token("auth.temporary", claims) },
  );

describe("a service token bound to a user acts on that user only, whichever claim binds it", () => {
  it("a token bound by username is refused for another user's user_id (no session for Bob)", async () => {
    const response = await generate(bob.id, { username: alice.name });
    expect(await outcome(response)).toEqual({ status: 403, code: "forbidden" });
    // What it is for still works.
    expect((await generate(alice.id, { username: alice.name })).status).toBe(200);
  });

  it("a token bound by user_id is refused for another user's username, on retrieve and on the wait", async () => {
    expect(await outcome(await retrieve(bob.name, { user_id: alice.id }))).toEqual({ status: 403, code: "forbidden" });
    expect((await retrieve(alice.name, { user_id: alice.id })).status).toBe(200);

    const generated = await generate(bob.id, { user_id: bob.id });
    const { code } = generateCodeResponseSchema.parse(await generated.json());
    expect(await outcome(await wait(bob.name, code, { user_id: alice.id }))).toEqual({
      status: 403,
      code: "forbidden",
    });
    const session = await wait(bob.name, code, { user_id: bob.id });
    expect(session.status).toBe(200);
  });

  it("a token carrying both claims must match both", async () => {
    expect(await outcome(await generate(alice.id, { user_id: alice.id, username: bob.name }))).toEqual({
      status: 403,
      code: "forbidden",
    });
    expect((await generate(alice.id, { user_id: alice.id, username: alice.name })).status).toBe(200);
  });

  it("a claim that cannot be checked refuses: user_id on a user that does not exist yet or at all", async () => {
    const name = freshName("new");
    const created = await t.post(
      "/api/native/manage/users",
      { username: name },
      {
        token: await t.token("users.create", { user_id: alice.id }),
      },
    );
    expect(await outcome(created)).toEqual({ status: 403, code: "forbidden" });
    expect(await outcome(await retrieve(freshName("nobody"), { user_id: alice.id }))).toEqual({
      status: 403,
      code: "forbidden",
    });
    expect(await outcome(await retrieve(freshName("nobody"), { username: alice.name }))).toEqual({
      status: 403,
      code: "forbidden",
    });
    expect(await outcome(await generate(crypto.randomUUID(), { username: alice.name }))).toEqual({
      status: 403,
      code: "forbidden",
    });
  });

  it("a token bound to nobody (as @loginid/node-sdk signs them) acts on any user of its client", async () => {
    expect((await generate(bob.id, {})).status).toBe(200);
    expect((await retrieve(bob.name, {})).status).toBe(200);
    expect(await outcome(await retrieve(freshName("nobody"), {}))).toEqual({ status: 404, code: "user_not_found" });
  });
});
