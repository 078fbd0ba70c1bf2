import { expect, it } from "vitest";
import { commands } from "vitest/browser";

it("browser tests reach a real service through the commands", async () => {
  const { serviceUrl, clientId } = await commands.handoffService();
  const response = await fetch(`${serviceUrl}/.well-known/jwks.json`);
  expect(response.status).toBe(200);
  expect(((await response.json()) as { keys: unknown[] }).keys.length).toBeGreaterThan(0);
  expect(clientId).toMatch(/^[0-9a-f-]{36}$/);
  const userId = await commands.handoffCreateUser(`user-${crypto.randomUUID()}@example.com`);
  const { code } = await commands.handoffGenerateCode({
    userId,
    codeType: "short",
    purpose: "temporary_authentication",
  });
  expect(code).toMatch(/^\d{6}$/);
});
