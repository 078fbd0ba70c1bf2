import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { CODE_PURPOSES, CODE_TYPES, normalizeCode } from "@handoff/types";
import { describe, expect, it } from "vitest";
import { deviceGrantCalls } from "../device-grant-calls.js";
import { addDeviceFlow } from "../device-key-helpers.js";
import { useService } from "../helpers.js";
import { codeCalls, freshName } from "./code-calls.js";

const database = join(mkdtempSync(join(tmpdir(), "handoff-codes-")), "handoff.db");
const t = await useService({ database });
const calls = codeCalls(t);

/** Every value of every table, as text (blobs as latin1, so any byte sequence can be searched). */
function everyStoredValue(): string[] {
  const db = new DatabaseSync(database, { readOnly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    const values: string[] = [];
    for (const { name } of tables) {
      for (const row of db.prepare(`SELECT * FROM "${name}"`).all()) {
        for (const value of Object.values(row)) {
          values.push(value instanceof Uint8Array ? Buffer.from(value).toString("latin1") : String(value));
        }
      }
    }
    return values;
  } finally {
    db.close();
  }
}

/** The database file and its write-ahead log, as bytes. */
function databaseFiles(): string {
  return [database, `${database}-wal`]
    .filter((path) => existsSync(path))
    .map((path) => readFileSync(path).toString("latin1"))
    .join("");
}

describe("codes are stored only as keyed hashes", () => {
  it("no generated code appears in any table, column or database page, in any spelling", async () => {
    const issued: string[] = [];
    for (const purpose of CODE_PURPOSES) {
      for (const type of CODE_TYPES) {
        const name = freshName(`${type}-${purpose}`);
        const userId = await calls.createUser(name);
        for (const authorize of [false, true])
          issued.push((await calls.generate(userId, type, purpose, authorize)).code);
      }
    }
    // A consumed code, and an emailed security code of the add-device flow.
    const name = freshName("consumed");
    const userId = await calls.createUser(name);
    const consumed = await calls.generate(userId, "short", "temporary_authentication", true);
    expect((await calls.wait(name, consumed.code, "short")).status).toBe(200);
    issued.push(consumed.code, (await addDeviceFlow(t).signupAndCode(freshName("mailed"))).code);
    // An OAuth device authorization's device code and user code (RFC 8628), one of them redeemed.
    await t.service.setDeviceGrant(t.clientId, { verificationUri: "https://app.example/device" });
    const device = deviceGrantCalls(t);
    for (const redeemed of [false, true]) {
      const started = await device.start();
      if (redeemed) {
        expect((await device.decide("approve", started.user_code, userId)).status).toBe(200);
        expect((await device.poll(started.device_code)).status).toBe(200);
      }
      issued.push(started.device_code, started.user_code, started.user_code.replace("-", ""));
    }

    const values = everyStoredValue();
    const files = databaseFiles();
    expect(values.length).toBeGreaterThan(0);
    expect(files.length).toBeGreaterThan(0);
    for (const code of issued) {
      for (const spelling of new Set([code, normalizeCode(code), code.toUpperCase()])) {
        // Six digits can turn up by chance inside hex ids and binary pages, so a short
        // code must stand alone; the longer codes never turn up by chance and are searched as is.
        const found = /^\d+$/.test(spelling)
          ? (text: string) => new RegExp(`(?<![0-9A-Za-z])${spelling}(?![0-9A-Za-z])`).test(text)
          : (text: string) => text.includes(spelling);
        expect(values.filter(found), spelling).toEqual([]);
        expect(found(files), `${spelling} in the database file`).toBe(false);
        // Nor an unkeyed hash of it, which a dictionary of 10^6 codes would reverse.
        for (const encoding of ["hex", "base64url"] as const) {
          const digest = createHash("sha256").update(spelling).digest(encoding);
          expect(files.includes(digest)).toBe(false);
        }
      }
    }
  });
});
