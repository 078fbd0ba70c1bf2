import { authenticationOptionsResponseSchema, registrationOptionsResponseSchema } from "@handoff/types";
import { describe, expect, it } from "vitest";
import { parseCreationOptions, parseRequestOptions } from "./parse-options.js";

const challenge = "ffynFNfe83HSbomcV-kPTC5qE9lt_-x4SlH_Fr5sgOA";
const creation = {
  challenge,
  rp: { name: "Handoff", id: "localhost" },
  user: { id: "YWJj", name: "ada@example.com", displayName: "ada@example.com" },
  pubKeyCredParams: [
    { alg: -8, type: "public-key" },
    { alg: -7, type: "public-key" },
  ],
  timeout: 300000,
  attestation: "none",
  excludeCredentials: [{ id: "AAAA", transports: ["internal"], type: "public-key" }],
  authenticatorSelection: { residentKey: "preferred", userVerification: "required", requireResidentKey: false },
  hints: [],
};
const request = {
  rpId: "localhost",
  challenge,
  allowCredentials: [{ id: "AAAA", type: "public-key", transports: ["internal", "future-transport"] }],
  timeout: 300000,
  userVerification: "required",
};

type Body = Record<string, unknown>;
const variants = (base: Body): [string, unknown][] => {
  const out: [string, unknown][] = [["as the service sends it", base]];
  out.push(["with unknown fields", { ...base, extensions: { credProps: true }, future: 1 }]);
  for (const key of Object.keys(base)) {
    const { [key]: _removed, ...rest } = base;
    out.push([`without ${key}`, rest]);
    for (const bad of [null, 12, "x", [], {}, -1, 1.5, "!!"])
      out.push([`with ${key} = ${JSON.stringify(bad)}`, { ...base, [key]: bad }]);
  }
  return out;
};

describe("the hand-written option parsers agree with the schemas", () => {
  const cases = [
    ...variants(creation).map(([name, options]) => ({ name, body: { options }, kind: "creation" as const })),
    ...variants(request).map(([name, options]) => ({ name, body: { options }, kind: "request" as const })),
    { name: "a bare options object", body: creation, kind: "creation" as const },
    { name: "null", body: null, kind: "request" as const },
    {
      name: "an unknown userVerification",
      body: { options: { ...request, userVerification: "always" } },
      kind: "request" as const,
    },
    {
      name: "a descriptor without id",
      body: { options: { ...request, allowCredentials: [{ type: "public-key" }] } },
      kind: "request" as const,
    },
    {
      name: "an unknown residentKey",
      body: { options: { ...creation, authenticatorSelection: { residentKey: "maybe" } } },
      kind: "creation" as const,
    },
    {
      name: "an unsafe algorithm number",
      body: { options: { ...creation, pubKeyCredParams: [{ type: "public-key", alg: 2 ** 60 }] } },
      kind: "creation" as const,
    },
  ];

  it.each(cases)("$kind: $name", ({ body, kind }) => {
    const schema = kind === "creation" ? registrationOptionsResponseSchema : authenticationOptionsResponseSchema;
    const parse = kind === "creation" ? parseCreationOptions : parseRequestOptions;
    const expected = schema.safeParse(body);
    const actual = parse(body);
    if (expected.success) expect(actual).toEqual(expected.data.options);
    else expect(actual).toBeUndefined();
  });
});
