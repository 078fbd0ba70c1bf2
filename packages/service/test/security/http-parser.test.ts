import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { useService } from "../helpers.js";

const t = await useService();
const { hostname, port } = new URL(t.service.url);

/** Sends raw bytes and returns everything the service answered before closing. */
function raw(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) }, () => socket.end(request));
    let answer = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (answer += chunk));
    socket.on("close", () => resolve(answer));
    socket.on("error", reject);
  });
}

function parse(answer: string) {
  const [head = "", body = ""] = answer.split("\r\n\r\n");
  return { status: Number(head.split(" ")[1]), head, body: JSON.parse(body) as unknown };
}

describe("requests Node's HTTP parser refuses still answer {code, message}", () => {
  it("headers over 16 KiB → 400 invalid_request, not an empty 431", async () => {
    const response = await fetch(`${t.service.url}/api/native/authenticate/code/wait`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-filler": "a".repeat(20_000) },
      body: "{}",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ code: "invalid_request", message: "The request headers are too large." });
  });

  it("malformed HTTP → 400 invalid_request, and the service keeps serving", async () => {
    for (const request of [
      "GARBAGE\r\n\r\n",
      "POST /pwless/signup HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\n{}",
      "POST /pwless/signup HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n",
      "GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n",
    ]) {
      const answer = parse(await raw(request));
      expect(answer.status, request).toBe(400);
      expect(answer.body).toMatchObject({ code: "invalid_request" });
      expect(answer.head).toMatch(/content-type: application\/json/i);
    }
    expect((await fetch(`${t.service.url}/health`)).status).toBe(200);
  });
});
