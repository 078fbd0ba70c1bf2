/**
 * The Handoff backend routes as Express (or Connect, or plain `node:http`) middleware.
 *
 * @packageDocumentation
 * @module @handoff/server/express
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { HandoffError } from "@handoff/types/core";
import { createHandoffHandler } from "../handler/create-handoff-handler.js";
import type { HandoffHandlerOptions } from "../handler/handler-options.js";
import { failure } from "../handler/handler-responses.js";
import { MAX_BODY_BYTES } from "../handler/read-json-field.js";

export type { HandoffHandlerOptions, SignedInUser } from "../handler/handler-options.js";

/** What your `getUser` and `signIn` get besides the fetch `Request`: Express's own pair. */
export interface ExpressExtra<Req extends IncomingMessage = IncomingMessage> {
  /** The Express request (`req.session` of express-session, `req.user` of Passport, …). */
  req: Req;
  /** The Express response. */
  res: ServerResponse;
}

/** A Node request, with the body Express's `express.json()` may already have parsed. */
type NodeRequest = IncomingMessage & { body?: unknown; originalUrl?: string };

/** The request as a fetch `Request` (its body capped), or the parsed body re-encoded if a body parser ran first. */
async function toRequest(req: NodeRequest, path: string): Promise<Request> {
  // Only the path matters to the routes: never the Host header a client chose.
  const url = new URL(path, "http://localhost");
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  if (req.method === "GET" || req.method === "HEAD") return new Request(url, { method: req.method, headers });
  let body: string;
  if (req.body !== undefined && !req.readable) body = JSON.stringify(req.body);
  else {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).byteLength;
      if (size > MAX_BODY_BYTES) {
        req.destroy();
        throw new HandoffError("invalid_argument", `The body must be at most ${MAX_BODY_BYTES} bytes.`);
      }
      chunks.push(chunk as Buffer);
    }
    body = Buffer.concat(chunks).toString("utf8");
  }
  headers.delete("content-length");
  return new Request(url, { method: req.method ?? "POST", headers, body });
}

/** Writes a fetch `Response` to a Node response, every `Set-Cookie` kept. */
async function send(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  res.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * Express middleware serving the routes of `createHandoffHandler` under `basePath` (default
 * `/handoff`) and calling `next()` for every other request. Mount it at the app's root (it
 * reads the full path). A body `express.json()` parsed first is used as it is. Your `getUser`
 * and `signIn` get `{ req, res }` as their last argument.
 *
 * @example
 * import express from "express";
 * import { handoffExpress } from "@handoff/server/express";
 *
 * const app = express();
 * app.use(
 *   handoffExpress({
 *     client,
 *     getUser: (_request, { req }) => req.session.user ?? null, // express-session
 *     signIn: (claims, _request, { req }) => {
 *       req.session.user = { userId: claims.userId, credentialType: claims.credential?.type ?? null };
 *       return Response.json({ ok: true });
 *     },
 *   }),
 * );
 */
export function handoffExpress<Req extends IncomingMessage = IncomingMessage>(
  options: HandoffHandlerOptions<ExpressExtra<Req>>,
): (req: Req, res: ServerResponse, next: (error?: unknown) => void) => void {
  const handle = createHandoffHandler(options);
  return (req, res, next) => {
    const raw = ((req as NodeRequest).originalUrl ?? req.url ?? "/").split("?")[0] ?? "/";
    // Only a path Express and the routes read alike: no dot segments or encoded slashes that
    // would get a request past a middleware mounted on the route's path.
    const { pathname } = new URL(raw, "http://localhost");
    if (pathname !== raw || /%2[ef]/i.test(raw) || !handle.handles(req.method ?? "GET", pathname)) return next();
    toRequest(req as NodeRequest, raw)
      .then((request) => handle(request, { req, res }))
      .then((response) => (response ? send(response, res) : next()))
      .catch((error: unknown) => {
        if (error instanceof HandoffError) send(failure(413, "payload_too_large", error.message), res).catch(next);
        else next(error);
      });
  };
}
