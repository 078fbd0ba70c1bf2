import { describe, expect, it } from "vitest";
import { type PendingRequest, PendingRequests } from "../src/pending-requests.ts";

const requester = { userAgent: "UA", ip: "127.0.0.1", requestedAt: new Date(0) };
const request = (id: string, userId: string, expiresAt = new Date(Date.now() + 60_000)): PendingRequest => ({
  id,
  userId,
  username: `${userId}@example.com`,
  code: "048213",
  codeType: "short",
  expiresAt,
  requester,
});

describe("PendingRequests", () => {
  it("lists a user's live requests only, oldest first", () => {
    const requests = new PendingRequests(5);
    requests.add(request("1", "ada"));
    requests.add(request("2", "bob"));
    requests.add(request("3", "ada", new Date(Date.now() - 1)));
    requests.add(request("4", "ada"));
    expect(requests.list("ada").map((r) => r.id)).toEqual(["1", "4"]);
    expect(requests.get("bob", "1")).toBeUndefined();
    expect(requests.find("1")?.userId).toBe("ada");
  });

  it("keeps at most maxPerUser requests per user, dropping the oldest", () => {
    const requests = new PendingRequests(2);
    for (const id of ["1", "2", "3"]) requests.add(request(id, "ada"));
    expect(requests.list("ada").map((r) => r.id)).toEqual(["2", "3"]);
  });

  it("removes one request, or all of a user's", () => {
    const requests = new PendingRequests(5);
    for (const id of ["1", "2"]) requests.add(request(id, "ada"));
    requests.add(request("3", "bob"));
    requests.remove(request("1", "ada"));
    expect(requests.list("ada").map((r) => r.id)).toEqual(["2"]);
    expect(requests.removeAll("ada")).toBe(1);
    expect(requests.list("ada")).toEqual([]);
    expect(requests.list("bob")).toHaveLength(1);
  });
});
