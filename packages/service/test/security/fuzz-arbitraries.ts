import fc from "fast-check";

/** Field names of every request body of the contract, and keys that target prototypes. */
export const FIELD_NAMES = [
  "client_id",
  "username",
  "user_id",
  "purpose",
  "code",
  "authorize",
  "authentication_code",
  "type",
  "credential",
  "credential_name",
  "email",
  "key_data",
  "device_info",
  "key_type",
  "key_length",
  "signature_algorithm",
  "security_code",
  "security_nonce_signed",
  "key_id",
  "challenge",
  "signature",
  "id",
  "rawId",
  "response",
  "clientDataJSON",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
] as const;

/** Strings that have broken parsers, databases and loggers before. */
const NASTY = [
  "",
  " ",
  "\u0000",
  "\u202e\u202d",
  "👩‍💻",
  "\uFEFF",
  "ｓｈｏｒｔ",
  "'; DROP TABLE users; --",
  '" OR 1=1 --',
  "../../../../etc/passwd",
  "%00%2e%2e",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a Log4Shell probe, meant literally
  "${jndi:ldap://127.0.0.1/x}",
  "<script>alert(1)</script>",
  "1e999",
  "-0",
  "NaN",
  "null",
  "__proto__",
  "Bearer",
];

/** A string: arbitrary (any unicode, lone surrogates), nasty, or huge (up to 80,000 characters). */
export const fuzzString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 80_000 }).map((n) => "x".repeat(n)) },
);

/** A JSON scalar, as JSON text (including literals `JSON.stringify` never writes). */
const scalarText = fc.oneof(
  fuzzString.map((value) => JSON.stringify(value)),
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => JSON.stringify(value)),
  fc.constantFrom("true", "false", "null", "1e999", "-1e999", "123456789012345678901234567890", "-0", "0.0000001"),
);

/** Arbitrary JSON text whose object keys come from {@link FIELD_NAMES} (duplicates included). */
export const jsonText: fc.Arbitrary<string> = fc.letrec<{ text: string }>((tie) => ({
  text: fc.oneof(
    { maxDepth: 4, depthSize: "small" },
    scalarText,
    fc.array(tie("text"), { maxLength: 4 }).map((items) => `[${items.join(",")}]`),
    fc
      .array(fc.tuple(fc.constantFrom(...FIELD_NAMES), tie("text")), { maxLength: 6 })
      .map((entries) => `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(",")}}`),
  ),
})).text;

/** JSON text that is not what it seems: broken, deeply nested, duplicated keys. */
export const brokenText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom("{", "[", '{"a":}', "{'a':1}", '{"a":1,}', "\u0000", '{"__proto__":', "undefined", "NaN", ""),
  fc.integer({ min: 1, max: 20_000 }).map((depth) => `${"[".repeat(depth)}${"]".repeat(depth)}`),
  fc.integer({ min: 1, max: 5_000 }).map((depth) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`),
);

/**
 * A body built from `valid` (field → JSON text of a value the contract takes): each field kept,
 * dropped, replaced by fuzz, or written twice (the first or the second copy the fuzz). Reaches
 * deeper than pure noise, since most fields stay valid.
 */
export function mutatedBody(valid: Record<string, string>): fc.Arbitrary<string> {
  const fields = Object.entries(valid);
  return fc
    .tuple(
      ...fields.map(([key, value]) =>
        fc.oneof(
          { weight: 6, arbitrary: fc.constant([[key, value]]) },
          { weight: 1, arbitrary: fc.constant([]) },
          { weight: 2, arbitrary: jsonText.map((fuzz) => [[key, fuzz]]) },
          {
            weight: 1,
            arbitrary: jsonText.map((fuzz) => [
              [key, fuzz],
              [key, value],
            ]),
          },
          {
            weight: 1,
            arbitrary: jsonText.map((fuzz) => [
              [key, value],
              [key, fuzz],
            ]),
          },
        ),
      ),
      fc.array(fc.tuple(fc.constantFrom("__proto__", "constructor", "prototype"), jsonText), { maxLength: 2 }),
    )
    .map(([...parts]) => {
      const extra = parts.pop() as [string, string][];
      const entries = [...(parts as [string, string][][]).flat(), ...extra];
      return `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(",")}}`;
    });
}

/** A header value `fetch` accepts (visible ASCII and Latin-1, no CR/LF), sometimes long. */
export const headerValue = fc.oneof(
  fc
    .array(fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa0, max: 0xff })), { maxLength: 80 })
    .map((codes) => String.fromCharCode(...codes).trim()),
  fc.integer({ min: 1_000, max: 8_000 }).map((n) => "a".repeat(n)),
);

/** Content types: the right one in several spellings, and wrong ones. */
export const contentType = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("application/json", "application/json; charset=utf-8", "Application/JSON") },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "text/plain",
      "application/jsonx",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/json, text/plain",
      "",
    ),
  },
  { weight: 1, arbitrary: headerValue },
);
