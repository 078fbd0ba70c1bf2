import {
  authenticationOptionsResponseSchema,
  authenticationResponseSchema,
  deviceLoginInitResponseSchema,
  pwlessDevicesResponseSchema,
  pwlessSignupResponseSchema,
  registrationOptionsResponseSchema,
  toRegisteredDeviceKey,
  toSession,
} from "@handoff/types";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  parseDevicesResponse,
  parseLoginInitResponse,
  parseSignupResponse,
} from "../src/device-keys/parse-device-responses.js";
import { parseSession } from "../src/internal/parse-session.js";
import { parseCreationOptions, parseRequestOptions } from "../src/webauthn/parse-options.js";
import { mutated } from "./mutated.js";
import { type Schema, schemaArbitrary } from "./schema-arbitrary.js";

/*
 * The browser SDK parses the service's answers by hand, to keep zod out of its bundle. These
 * properties tie each parser to the zod schema it stands for: over bodies generated from the
 * schema's own definition (so they follow it when it changes), mutations of those, and arbitrary
 * values, the parser accepts exactly what the schema accepts and returns what the schema's output
 * becomes through the core's converter.
 */

const RUNS = 400;

/** A schema of `@handoff/types`, seen through `safeParse` and its definition. */
type ZodSchema<W> = Schema & { safeParse(body: unknown): { success: true; data: W } | { success: false } };

/** One parser and its zod twin: what each makes of a body. */
interface Twin {
  name: string;
  schema: Schema & { safeParse(body: unknown): { success: boolean } };
  /** The parser's value, and the schema's output through the core's converter (`undefined` when refused). */
  outcomes(body: unknown): { parsed: unknown; expected: unknown };
}

/** Pairs a parser with its schema and the conversion of the schema's output. */
function twin<W, T>(
  name: string,
  parse: (body: unknown) => T | undefined,
  schema: ZodSchema<W>,
  convert: (data: W) => T,
): Twin {
  return {
    name,
    schema,
    outcomes: (body) => {
      const result = schema.safeParse(body);
      return { parsed: parse(body), expected: result.success ? convert(result.data) : undefined };
    },
  };
}

const twins = [
  twin("parseSession", parseSession, authenticationResponseSchema, toSession),
  twin("parseCreationOptions", parseCreationOptions, registrationOptionsResponseSchema, (data) => data.options),
  twin("parseRequestOptions", parseRequestOptions, authenticationOptionsResponseSchema, (data) => data.options),
  twin("parseSignupResponse", parseSignupResponse, pwlessSignupResponseSchema, (data) => ({
    securityNonce: data.security_nonce_signed,
  })),
  twin("parseDevicesResponse", parseDevicesResponse, pwlessDevicesResponseSchema, toRegisteredDeviceKey),
  twin("parseLoginInitResponse", parseLoginInitResponse, deviceLoginInitResponseSchema, (data) => ({
    challenge: data.challenge,
    expiresAt: data.expires_at,
  })),
];

describe("each hand-written parser of the browser SDK matches its zod schema", () => {
  for (const { name, schema, outcomes } of twins) {
    const valid = schemaArbitrary(schema);

    it(`${name}: the bodies generated from the schema are mostly valid (the generator works)`, () => {
      const sample = fc.sample(valid, { numRuns: 200, seed: 15 });
      const accepted = sample.filter((body) => schema.safeParse(body).success).length;
      expect(accepted / sample.length).toBeGreaterThan(0.6);
    });

    it(`${name}: accepts exactly what the schema accepts, and yields the same value`, () => {
      const body = fc.oneof(
        { weight: 4, arbitrary: valid },
        { weight: 4, arbitrary: valid.chain(mutated) },
        { weight: 1, arbitrary: fc.anything() },
      );
      fc.assert(
        fc.property(body, (input) => {
          const { parsed, expected } = outcomes(input);
          expect(parsed, JSON.stringify(input)?.slice(0, 300)).toEqual(expected);
        }),
        { numRuns: RUNS },
      );
    });
  }
});
