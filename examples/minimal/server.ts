// The whole backend: serves the page and trades Handoff codes and JWTs for a session cookie.
// Run it with `npm start` (Node 24 runs this TypeScript file as it is).
//
//   HANDOFF_URL              the service (default http://127.0.0.1:8787)
//   HANDOFF_CLIENT_ID        the client_id that `handoff-service create-client` printed
//   HANDOFF_PRIVATE_KEY_PEM  its private_key_pem, line breaks included: "$(cat key.pem)"
//   PORT                     default 5173: the origin you gave create-client is http://localhost:PORT
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer, type ServerResponse } from "node:http";
import { createServerClient, isHandoffError } from "@handoff/server";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Set ${name}: see the top of server.ts.`);
  return value;
}

const serviceUrl = process.env.HANDOFF_URL ?? "http://127.0.0.1:8787";
const handoff = createServerClient({
  baseUrl: serviceUrl,
  clientId: required("HANDOFF_CLIENT_ID"),
  privateKey: required("HANDOFF_PRIVATE_KEY_PEM"),
});

/** Who each session cookie belongs to. In memory: a restart signs everybody out. */
const sessions = new Map<string, { userId: string; username: string }>();

/** An answer other than 200, e.g. `throw new HttpError(401, "Sign in first.")`. */
class HttpError extends Error {
  status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

type Body = Record<string, unknown>;
type Session = { userId: string; username: string } | undefined;

function field(body: Body, name: string): string {
  const value = body[name];
  if (typeof value !== "string" || value === "") throw new HttpError(400, `Missing ${name}.`);
  return value;
}

async function api(route: string, body: Body, session: Session, response: ServerResponse): Promise<unknown> {
  switch (route) {
    case "GET /api/config":
      return { serviceUrl, clientId: handoff.clientId };

    // Use this device once, on the new device: a short code it shows and waits on (waitCode).
    case "POST /api/one-time/start": {
      const user = await handoff.getUser(field(body, "username"));
      const { code, expiresAt } = await handoff.generateCode({
        userId: user.id,
        codeType: "short",
        purpose: "temporary_authentication",
      });
      return { code, expiresAt };
    }

    // On a signed-in device: approve the code the new device shows, for this session's user only.
    case "POST /api/one-time/approve": {
      if (!session) throw new HttpError(401, "Sign in first.");
      const code = field(body, "code").replace(/\s/g, "");
      await handoff.authorizeCode({
        userId: session.userId,
        code,
        codeType: "short",
        purpose: "temporary_authentication",
      });
      return { approved: true };
    }

    // Add this device: the service emails a security code (with --dev-outbox it prints it), which
    // the page passes to client.addDevice to register a passkey. A new address gets an account
    // first; without the code from its mailbox nobody can get into it.
    case "POST /api/add-device/start": {
      const username = field(body, "username");
      await handoff.createUser(username).catch((error) => {
        if (!(isHandoffError(error) && error.code === "user_exists")) throw error;
      });
      const sent = await fetch(`${serviceUrl}/pwless/signup`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ client_id: handoff.clientId, email: username }),
      });
      if (!sent.ok) throw new HttpError(sent.status, "The service could not send a code now.");
      return { sent: true };
    }

    // Any device, after waitCode, signIn or addDevice: the JWT becomes a session, once verified.
    case "POST /api/session": {
      const { userId, username } = await handoff.verifyToken(field(body, "jwt"));
      const id = randomUUID();
      sessions.set(id, { userId, username });
      response.setHeader("set-cookie", `session=${id}; HttpOnly; SameSite=Lax; Path=/`);
      return { username };
    }

    case "GET /api/me":
      return { username: session?.username ?? null };
  }
  throw new HttpError(404, "Not found.");
}

/** The page and the browser SDK (bundled into one file by `npm run build`). */
const files: Record<string, [string, string]> = {
  "/": ["index.html", "text/html"],
  "/handoff-browser.js": ["handoff-browser.js", "text/javascript"],
};

const server = createServer(async (request, response) => {
  const path = new URL(request.url ?? "/", "http://localhost").pathname;
  const id = request.headers.cookie?.match(/(?:^|;\s*)session=([\w-]+)/)?.[1];
  let status = 200;
  let answer: unknown;
  try {
    const file = files[path];
    if (request.method === "GET" && file) {
      const content = await readFile(new URL(file[0], import.meta.url));
      response.writeHead(200, { "content-type": file[1] }).end(content);
      return;
    }
    let text = "";
    for await (const chunk of request) text += chunk;
    answer = await api(`${request.method} ${path}`, text ? JSON.parse(text) : {}, sessions.get(id ?? ""), response);
  } catch (error) {
    // HandoffError: the service's answer (user_not_found, invalid_code, too_many_attempts, …).
    status = error instanceof HttpError ? error.status : isHandoffError(error) ? (error.status ?? 502) : 500;
    if (status === 500) console.error(error);
    answer = { error: status === 500 ? "Something went wrong." : (error as Error).message };
  }
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(answer));
});

const port = Number(process.env.PORT ?? 5173);
server.listen(port, () => console.log(`Open http://localhost:${port}`));
