import { authenticationResponseSchema, toSession } from "@handoff/types";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { parseSession } from "./parse-session.js";

const valid = {
  client: { id: "client-1", type: "directweb" },
  credential: { uuid: "cred-1", type: "code", name: "short code" },
  user: { id: "user-1", username: "ada@example.com", namespace_id: "ns-1" },
  jwt: "eyJhbGciOiJFUzI1NiJ9.e30.sig",
  is_authenticated: true,
};

type Body = Record<string, unknown>;
const withField = (path: string[], value: unknown): Body => {
  const copy: Body = structuredClone(valid);
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Body;
  const last = path.at(-1)!;
  if (value === undefined) delete target[last];
  else target[last] = value;
  return copy;
};

const idFields = [
  ["client", "id"],
  ["credential", "uuid"],
  ["user", "id"],
  ["user", "namespace_id"],
];
const fixtures: [string, unknown][] = [
  ["the seed's example", valid],
  ["extra fields everywhere", { ...valid, extra: 1, user: { ...valid.user, email: "x" } }],
  ["is_authenticated false", withField(["is_authenticated"], false)],
  ["an empty credential name and types", withField(["credential", "name"], "")],
  ["an empty client type", withField(["client", "type"], "")],
  ["null", null],
  ["an array", [valid]],
  ["a string", JSON.stringify(valid)],
  ["an empty object", {}],
  ["an empty jwt", withField(["jwt"], "")],
  ["a numeric jwt", withField(["jwt"], 1)],
  ["is_authenticated as a string", withField(["is_authenticated"], "true")],
  ["no is_authenticated", withField(["is_authenticated"], undefined)],
  ["client as an array", withField(["client"], ["client-1", "directweb"])],
  ["a numeric credential type", withField(["credential", "type"], 1)],
  ["no credential name", withField(["credential", "name"], undefined)],
  ["a username of 256 characters", withField(["user", "username"], "u".repeat(256))],
  ["a username of 257 characters", withField(["user", "username"], "u".repeat(257))],
  ["a username of 256 emoji", withField(["user", "username"], "😀".repeat(256))],
  ["a username of 257 emoji", withField(["user", "username"], "😀".repeat(257))],
  ["a username with a newline", withField(["user", "username"], "ada\n@example.com")],
  ["an empty username", withField(["user", "username"], "")],
  ["no user", withField(["user"], undefined)],
  ...idFields.flatMap((path): [string, unknown][] => [
    [`${path.join(".")} of 128 characters`, withField(path, "i".repeat(128))],
    [`${path.join(".")} of 129 characters`, withField(path, "i".repeat(129))],
    [`${path.join(".")} of 128 emoji (256 UTF-16 units)`, withField(path, "😀".repeat(128))],
    [`${path.join(".")} of 129 emoji (258 UTF-16 units)`, withField(path, "😀".repeat(129))],
    [`${path.join(".")} of 127 emoji and 2 letters`, withField(path, `${"😀".repeat(127)}ab`)],
    [`${path.join(".")} of 128 lone high surrogates`, withField(path, "\ud800".repeat(128))],
    [`${path.join(".")} of 129 lone low surrogates`, withField(path, "\udc00".repeat(129))],
    [`${path.join(".")} empty`, withField(path, "")],
    [`${path.join(".")} with DEL`, withField(path, "a\u007fb")],
    [`${path.join(".")} with NEL (C1 control)`, withField(path, "a\u0085b")],
    [`${path.join(".")} with a zero-width space (not a control)`, withField(path, "a\u200bb")],
    [`${path.join(".")} as a number`, withField(path, 7)],
    [`${path.join(".")} missing`, withField(path, undefined)],
  ]),
];

describe("parseSession agrees with authenticationResponseSchema + toSession", () => {
  it.each(fixtures)("%s", (_name, body) => {
    const zod = z.safeParse(authenticationResponseSchema, body);
    expect(parseSession(body)).toEqual(zod.success ? toSession(zod.data) : undefined);
  });

  it("accepts the seed's example and converts it to camelCase", () => {
    expect(parseSession(valid)).toEqual({
      jwt: valid.jwt,
      isAuthenticated: true,
      user: { id: "user-1", username: "ada@example.com", namespaceId: "ns-1" },
      client: { id: "client-1", type: "directweb" },
      credential: { uuid: "cred-1", type: "code", name: "short code" },
    });
  });

  it("covers both outcomes", () => {
    const outcomes = fixtures.map(([, body]) => parseSession(body) !== undefined);
    expect(outcomes.filter(Boolean).length).toBeGreaterThan(5);
    expect(outcomes.filter((ok) => !ok).length).toBeGreaterThan(20);
  });
});
