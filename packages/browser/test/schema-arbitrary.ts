import fc from "fast-check";

/**
 * The parts of a zod (v4, `zod/mini`) schema's definition this walker reads. Kept structural:
 * zod's own definition types are internal.
 */
interface SchemaDef {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, Schema>;
  innerType?: Schema;
  element?: Schema;
  options?: Schema[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  format?: string;
}

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}

/** A zod schema, as far as this walker is concerned: its definition is read as a {@link SchemaDef}. */
export interface Schema {
  _zod: { def: object };
}

const BASE64URL = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"];

/** Characters worth trying: base64url, ASCII, control characters, astral and lone surrogates. */
const character = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...BASE64URL) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.constantFrom("😀", "é", "\u2028", "\u0000", "\n", "\ud800", "=") },
);

function checksOf(def: SchemaDef): CheckDef[] {
  return (def.checks ?? []).map((check) => check._zod.def);
}

/** An ISO 8601 date-time with a zone, as `z.iso.datetime({ offset: true })` takes it. */
const datetime = fc
  .tuple(
    fc.date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2999-12-31T23:59:59Z"), noInvalidDate: true }),
    fc.constantFrom("Z", "+02:00", "-05:30"),
    fc.boolean(),
  )
  .map(([date, zone, millis]) => {
    const iso = date.toISOString().slice(0, millis ? 23 : 19);
    return `${iso}${zone}`;
  });

function stringArbitrary(def: SchemaDef): fc.Arbitrary<string> {
  if (def.format === "datetime") return datetime;
  const checks = checksOf(def);
  const min = checks.find((check) => check.check === "min_length")?.minimum ?? 0;
  const max = checks.find((check) => check.check === "max_length")?.maximum ?? 40;
  const patterns = checks.flatMap((check) => (check.pattern ? [check.pattern] : []));
  // Every pattern of the contract is "one or more of a class" (base64url, no control characters):
  // a string of characters that each match it matches it.
  const allowed = patterns.length === 0 ? character : character.filter((c) => patterns.every((p) => p.test(c)));
  return fc
    .oneof(
      { weight: 5, arbitrary: fc.array(allowed, { minLength: min, maxLength: Math.min(max, min + 40) }) },
      // Around the upper bound, where counting code points or UTF-16 units makes a difference.
      { weight: 1, arbitrary: fc.array(allowed, { minLength: Math.max(min, max - 2), maxLength: max + 1 }) },
    )
    .map((chars) => chars.join(""));
}

function numberArbitrary(def: SchemaDef): fc.Arbitrary<number> {
  const checks = checksOf(def);
  const integer = checks.some((check) => check.format === "safeint");
  const above = checks.find((check) => check.check === "greater_than");
  const below = checks.find((check) => check.check === "less_than");
  if (integer) {
    const min = above === undefined ? Number.MIN_SAFE_INTEGER : above.value! + (above.inclusive ? 0 : 1);
    const max = below === undefined ? Number.MAX_SAFE_INTEGER : below.value! - (below.inclusive ? 0 : 1);
    return fc.oneof(fc.integer({ min: Math.max(min, -1_000), max: Math.min(max, 1_000) }), fc.integer({ min, max }));
  }
  return fc.double({
    noNaN: true,
    noDefaultInfinity: true,
    ...(above === undefined ? {} : { min: above.value!, minExcluded: !above.inclusive }),
    ...(below === undefined ? {} : { max: below.value!, maxExcluded: !below.inclusive }),
  });
}

/**
 * Values that `schema` accepts, generated from its definition: objects with their required keys
 * and some of their optional ones, strings within their lengths and patterns, numbers within their
 * bounds, enum and literal values, arrays within their lengths. Generated from the schema, they
 * follow it when it changes; a value the walker gets wrong is simply one the schema refuses, which
 * the property handles like any other.
 *
 * @example
 * fc.assert(fc.property(schemaArbitrary(sessionSchema), (body) => sessionSchema.safeParse(body).success));
 */
export function schemaArbitrary(schema: Schema): fc.Arbitrary<unknown> {
  const def = schema._zod.def as SchemaDef;
  switch (def.type) {
    case "object": {
      const shape = def.shape ?? {};
      const keys = Object.keys(shape);
      const requiredKeys = keys.filter(
        (key) => !["optional", "default"].includes((shape[key]!._zod.def as SchemaDef).type),
      );
      return fc.record(Object.fromEntries(keys.map((key) => [key, schemaArbitrary(shape[key]!)])), { requiredKeys });
    }
    case "optional":
    case "default":
    case "nullable": {
      const inner = schemaArbitrary(def.innerType!);
      return def.type === "nullable" ? fc.option(inner, { nil: null }) : inner;
    }
    case "array": {
      const max = checksOf(def).find((check) => check.check === "max_length")?.maximum ?? 4;
      return fc.array(schemaArbitrary(def.element!), { maxLength: Math.min(max, 4) });
    }
    case "union":
      return fc.oneof(...(def.options ?? []).map(schemaArbitrary));
    case "enum":
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case "literal":
      return fc.constantFrom(...(def.values ?? []));
    case "string":
      return stringArbitrary(def);
    case "number":
      return numberArbitrary(def);
    case "boolean":
      return fc.boolean();
    default:
      throw new Error(`schemaArbitrary: no generator for a zod "${def.type}"`);
  }
}
