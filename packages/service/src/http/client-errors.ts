import type { Duplex } from "node:stream";

/** What `serve()` returns: anything that emits Node's `clientError`. */
interface ClientErrorSource {
  on(event: "clientError", listener: (error: Error, socket: Duplex) => void): unknown;
}

/**
 * Answers requests that Node's HTTP parser refuses before the app sees them — headers over its
 * 16 KiB limit, malformed HTTP — with the contract's `400 {code: "invalid_request", message}`
 * instead of Node's empty 431/400, then closes the connection. Other client errors (a reset, a
 * request that timed out) just close it.
 */
export function answerClientErrors(server: ClientErrorSource): void {
  server.on("clientError", (error, socket) => {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== "string" || !code.startsWith("HPE_") || !socket.writable) {
      socket.destroy();
      return;
    }
    const body = JSON.stringify({
      code: "invalid_request",
      message: code === "HPE_HEADER_OVERFLOW" ? "The request headers are too large." : "The request is not valid HTTP.",
    });
    socket.end(
      [
        "HTTP/1.1 400 Bad Request",
        "Content-Type: application/json",
        `Content-Length: ${Buffer.byteLength(body)}`,
        "Cache-Control: no-store",
        "X-Content-Type-Options: nosniff",
        "Connection: close",
        "",
        body,
      ].join("\r\n"),
    );
  });
}
