import * as z from "zod/mini";

/** An identifier: non-empty, at most 128 characters, no control characters. */
export const idSchema = z.string().check(z.minLength(1), z.maxLength(128), z.regex(/^[^\p{Cc}]+$/u));

/** A username (often an email address): 1–256 characters, no control characters. */
export const usernameSchema = z.string().check(z.minLength(1), z.maxLength(256), z.regex(/^[^\p{Cc}]+$/u));

/** A code as sent on the wire: 1–64 characters before normalisation. */
export const codeValueSchema = z.string().check(z.minLength(1), z.maxLength(64));

/** An ISO 8601 timestamp with a time zone, as the service writes it (`2026-11-27T10:00:00.000Z`). */
export const timestampSchema = z.iso.datetime({ offset: true });
