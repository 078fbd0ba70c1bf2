import fc from "fast-check";

/** Values a broken or malicious service might put where another was expected. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constantFrom("", "\u0000", "a\nb", "x".repeat(2_000), "2026-13-45T99:99:99Z", -0, 1e308, Number.NaN),
  fc.constant(undefined),
);

/**
 * Variants of `valid`: every leaf kept or replaced, every object and array kept or broken.
 *
 * @example
 * fc.assert(fc.property(mutated({ a: 1 }), (body) => parse(body) === undefined || isValid(body)));
 */
export function mutated(valid: unknown): fc.Arbitrary<unknown> {
  if (Array.isArray(valid)) {
    return fc.oneof({ weight: 4, arbitrary: fc.tuple(...valid.map(mutated)) }, { weight: 1, arbitrary: wrongValue });
  }
  if (typeof valid === "object" && valid !== null) {
    const entries = Object.entries(valid);
    return fc.oneof(
      {
        weight: 6,
        arbitrary: fc
          .tuple(
            ...entries.map(([, value]) => mutated(value)),
            fc.dictionary(fc.string({ maxLength: 8 }), wrongValue, { maxKeys: 2 }),
          )
          .map((values) => {
            const extra = values.pop() as Record<string, unknown>;
            const out: Record<string, unknown> = { ...extra };
            entries.forEach(([key], i) => {
              if (values[i] !== undefined) out[key] = values[i];
            });
            return out;
          }),
      },
      { weight: 1, arbitrary: wrongValue },
    );
  }
  return fc.oneof({ weight: 3, arbitrary: fc.constant(valid) }, { weight: 1, arbitrary: wrongValue });
}
