import { isHandoffError } from "@handoff/types";
import { describe, expect, it } from "vitest";
import { useService } from "./helpers.js";

const t = await useService({ waitTimeoutMs: 300 });
const purpose = "temporary_authentication";

describe("listPendingCodes through @handoff/server against the real service", () => {
  it("shows the waiting device's user agent, IP and time before Approve, never the code", async () => {
    const { handoff } = t;
    const user = await handoff.createUser("pending@example.com");
    const generated = await handoff.generateCode({ userId: user.id, codeType: "short", purpose });

    const [fresh] = await handoff.listPendingCodes({ userId: user.id, codeType: "short", purpose });
    expect(fresh).toEqual({
      createdAt: expect.any(Date),
      expiresAt: generated.expiresAt,
      isAuthorized: false,
      requester: null,
    });

    const started = Date.now();
    const wait = await fetch(`${t.service.url}/api/native/authenticate/code/wait`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: t.origin, "user-agent": "NewLaptop/2.0 (Linux)" },
      body: JSON.stringify({
        client_id: t.clientId,
        username: "pending@example.com",
        authentication_code: { code: generated.code, type: "short" },
      }),
    });
    expect(wait.status).toBe(408);

    const pending = await handoff.listPendingCodes({ userId: user.id, codeType: "short", purpose, timeoutMs: 5_000 });
    expect(pending).toHaveLength(1);
    const requester = pending[0]?.requester;
    expect(requester?.userAgent).toBe("NewLaptop/2.0 (Linux)");
    expect(requester?.ip).toMatch(/127\.0\.0\.1|::1/);
    expect(requester?.seenAt).toBeInstanceOf(Date);
    expect(requester?.seenAt.getTime()).toBeGreaterThanOrEqual(started - 1_000);
    expect(JSON.stringify(pending)).not.toContain(generated.code);

    // Approving consumes nothing yet; once the new device's wait takes the session, it drops out.
    await handoff.authorizeCode({ userId: user.id, code: generated.code, codeType: "short", purpose });
    expect((await handoff.listPendingCodes({ userId: user.id, codeType: "short", purpose }))[0]?.isAuthorized).toBe(
      true,
    );
    expect((await t.wait("pending@example.com", generated.code, "short")).status).toBe(200);
    expect(await handoff.listPendingCodes({ userId: user.id, codeType: "short", purpose })).toEqual([]);
  });

  it("answers user_not_found for a user of another client", async () => {
    const other = await t.otherClient();
    const user = await t.handoff.createUser("not-theirs@example.com");
    const error = await other.handoff.listPendingCodes({ userId: user.id, codeType: "long", purpose }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isHandoffError(error) && error.code).toBe("user_not_found");
  });
});
