import type { CodeType } from "@handoff/types";
import { randomInt } from "./random-int.js";
import { WORDS } from "./words.js";

/** RFC 8628 §6.1 base-20 alphabet: no vowels (no words), no confusable characters. */
export const LONG_CODE_ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";
/** Characters in a long code. */
export const LONG_CODE_LENGTH = 16;
/** Digits in a short code. */
export const SHORT_CODE_LENGTH = 6;
/** Longest phrase code (word and digits together). */
export const PHRASE_MAX_LENGTH = 10;
/** Digits after the word in a phrase code, fewer only where the word is too long. */
const PHRASE_DIGITS = 3;

/** Words that fit with three digits, and the longer ones that fit with two. */
const phraseBuckets = (() => {
  const three = WORDS.filter((word) => word.length + PHRASE_DIGITS <= PHRASE_MAX_LENGTH);
  const two = WORDS.filter((word) => word.length + PHRASE_DIGITS > PHRASE_MAX_LENGTH);
  return [
    { words: three, digits: 3, size: three.length * 1000 },
    { words: two, digits: 2, size: two.length * 100 },
  ];
})();

/** How many distinct codes each type can produce; every code is equally likely. */
export const CODE_SPACE: Record<CodeType, number> = {
  short: 10 ** SHORT_CODE_LENGTH,
  long: LONG_CODE_ALPHABET.length ** LONG_CODE_LENGTH,
  phrase: phraseBuckets.reduce((sum, bucket) => sum + bucket.size, 0),
};

/**
 * Generates a code of the given type from the CSPRNG. Every possible code is equally likely:
 * - `short`: 6 digits (`048213`), 10^6 codes, 19.9 bits.
 * - `long`: 16 characters of {@link LONG_CODE_ALPHABET}, 20^16 codes, 69.1 bits.
 * - `phrase`: a BIP-39 word and digits, 6–10 characters (`mouse132`), ≈ 1.97·10^6 codes, 20.9 bits.
 */
export function generateCode(type: CodeType): string {
  switch (type) {
    case "short":
      return digits(SHORT_CODE_LENGTH);
    case "long": {
      let code = "";
      for (let i = 0; i < LONG_CODE_LENGTH; i++) code += LONG_CODE_ALPHABET[randomInt(LONG_CODE_ALPHABET.length)];
      return code;
    }
    case "phrase":
      return phrase();
  }
}

function digits(count: number): string {
  return String(randomInt(10 ** count)).padStart(count, "0");
}

function phrase(): string {
  let index = randomInt(CODE_SPACE.phrase);
  for (const bucket of phraseBuckets) {
    if (index < bucket.size) {
      const number = 10 ** bucket.digits;
      return `${bucket.words[Math.floor(index / number)]}${String(index % number).padStart(bucket.digits, "0")}`;
    }
    index -= bucket.size;
  }
  throw new Error("unreachable: index outside the phrase space");
}
