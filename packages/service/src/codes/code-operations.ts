import type { CodePurpose, CodeType } from "@handoff/types";
import type { ServiceContext } from "../context.js";
import { fail } from "../http/fail.js";
import type { CodeRecord, RequestInfo } from "../storage/records.js";
import type { CodeQuery } from "../storage/storage.js";
import { generateCode } from "./generate-code.js";
import { hashCode } from "./hash-code.js";

/** Who a code belongs to and what for. */
export type CodeScope = CodeQuery;

/** Creates a code, stores its hash, and returns the clear code once. */
export async function createCode(
  context: ServiceContext,
  scope: CodeScope,
  options: { authorize: boolean; requestInfo?: RequestInfo | null; provesEmail?: boolean },
): Promise<{ code: string; record: CodeRecord }> {
  const now = context.now();
  const code = generateCode(scope.type);
  const record: CodeRecord = {
    id: crypto.randomUUID(),
    ...scope,
    hash: hashCode(context.codeSecret, scope, code),
    createdAt: now,
    expiresAt: new Date(now.getTime() + context.options.codeLifetimeMs[scope.type]),
    authorizedAt: options.authorize ? now : null,
    consumedAt: null,
    requestInfo: options.requestInfo ?? null,
    guesses: 0,
    provesEmail: options.provesEmail ?? false,
  };
  await context.storage.codes.insert(record);
  return { code, record };
}

/** Marks a matched code authorized and wakes its waits. */
export async function authorizeMatchedCode(context: ServiceContext, record: CodeRecord): Promise<void> {
  if (!(await context.storage.codes.authorize(record.id, context.now()))) {
    throw fail("invalid_code");
  }
  context.waits.publish(record.id, "authorized");
}

/** Deletes every live code of a user for a purpose (and type) and wakes their waits. */
export async function invalidateCodes(
  context: ServiceContext,
  query: { clientId: string; userId: string; purpose: CodePurpose; type?: CodeType },
): Promise<number> {
  const ids = await context.storage.codes.delete(query);
  for (const id of ids) context.waits.publish(id, "invalidated");
  return ids.length;
}
