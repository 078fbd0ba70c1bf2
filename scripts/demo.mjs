#!/usr/bin/env node
// `npm run demo`: the whole example, from one command, on this machine only (127.0.0.1):
//   - the Handoff service, on a SQLite file under .data/ (kept between runs);
//   - the dev inbox, a local SMTP server with a page listing the mails it received;
//   - the example backend (examples/backend), with a Handoff client created on the first run;
//   - the example frontend (examples/web) on Vite's dev server, which proxies /api to the backend.
// Ctrl-C stops everything. Ports can be changed with HANDOFF_PORT, BACKEND_PORT, WEB_PORT,
// SMTP_PORT and INBOX_PORT (the client allows only the frontend's origin it was created with:
// delete .data/ after changing WEB_PORT).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// First the packages that changed since the last start (quiet unless a build fails). This script
// runs it itself, rather than `build && demo` in package.json, so npm and pnpm start node
// directly: a shell in between would die of Ctrl-C and make pnpm print an error after "Stopped".
const build = spawnSync(process.execPath, [join(import.meta.dirname, "build-packages.mjs")], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);

const { startService } = await import("@handoff/service");
const { createBackend } = await import("../examples/backend/src/index.ts");
const { startDevInbox } = await import("../examples/dev-inbox/src/index.ts");
const { startWebDevServer } = await import("../examples/web/dev-server.ts");

const ports = {
  service: Number(process.env.HANDOFF_PORT ?? 8787),
  backend: Number(process.env.BACKEND_PORT ?? 3000),
  web: Number(process.env.WEB_PORT ?? 5173),
  smtp: Number(process.env.SMTP_PORT ?? 2525),
  inbox: Number(process.env.INBOX_PORT ?? 8025),
};
const dataDir = join(import.meta.dirname, "..", ".data");
const databaseFile = join(dataDir, "handoff.db");
const clientFile = join(dataDir, "demo-client.json");
const webOrigin = `http://localhost:${ports.web}`;

/** Everything started so far, stopped in reverse order. */
const running = [];
let stopping;
function stop(code = 0) {
  stopping ??= (async () => {
    for (const part of running.reverse()) await part.close().catch(() => {});
    if (code === 0) console.log("Stopped. Run `npm run demo` again to continue with the same data.");
    process.exit(code);
  })();
  return stopping;
}
process.once("SIGINT", () => {
  console.log("\nStopping…");
  void stop(0);
});
process.once("SIGTERM", () => void stop(0));
// `npm run demo` starts this script through a chain of npm, npx and pnpm processes. When that
// chain goes away without passing a signal on (its parent killed alone), stop instead of
// keeping the ports busy as an orphan.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void stop(0);
}, 1000).unref();

async function start(name, port, starter) {
  try {
    const part = await starter();
    running.push(part);
    return part;
  } catch (error) {
    const reason =
      error?.code === "EADDRINUSE" ? `port ${port} is in use (stop what uses it, or set another port)` : error?.message;
    console.error(`Could not start the ${name}: ${reason}`);
    await stop(1);
  }
}

mkdirSync(dataDir, { recursive: true });
// A client file without its database (deleted .data/handoff.db) names a client that no longer exists.
if (existsSync(clientFile) && !existsSync(databaseFile)) rmSync(clientFile);

const inbox = await start("dev inbox", `${ports.smtp}/${ports.inbox}`, () =>
  startDevInbox({ smtpPort: ports.smtp, httpPort: ports.inbox }),
);
const service = await start("Handoff service", ports.service, () =>
  startService({
    port: ports.service,
    database: databaseFile,
    logger: false,
    // The service mails "a passkey was added to your account", and the security code of add
    // device for an account nobody proved the email of: to the dev inbox too.
    // The dev inbox speaks plain SMTP on 127.0.0.1: TLS off, allowed only for a loopback host.
    smtp: {
      host: "127.0.0.1",
      port: inbox.smtpPort,
      from: "Handoff <no-reply@handoff.localhost>",
      insecureLocalhost: true,
    },
  }),
);

let client;
if (existsSync(clientFile)) {
  client = JSON.parse(readFileSync(clientFile, "utf8"));
} else {
  const created = await service.createClient({ name: "demo", origins: [webOrigin] });
  client = { clientId: created.clientId, privateKeyPem: created.privateKeyPem, origin: webOrigin };
  writeFileSync(clientFile, `${JSON.stringify(client, null, 2)}\n`, { mode: 0o600 });
}
// The OAuth device grant (examples/cli): a public client whose verification page is the app's
// "Approve a device" screen (set on every start, so a client kept from an older demo gets it too).
await service.setDeviceGrant(client.clientId, { verificationUri: `${webOrigin}/?approve-device` });

const backend = await start("example backend", ports.backend, () =>
  createBackend({
    handoff: { baseUrl: service.url, clientId: client.clientId, privateKey: client.privateKeyPem },
    port: ports.backend,
    smtp: { host: "127.0.0.1", port: inbox.smtpPort },
    trustProxy: true, // the browser reaches it through Vite's proxy, which sets X-Forwarded-For
  }),
);
const web = await start("example frontend", ports.web, () =>
  startWebDevServer({ backendUrl: backend.url, port: ports.web }),
);

console.log(`
Handoff demo is running (data in ${dataDir}, kept between runs).

  App         ${web.url}
  Mail inbox  ${inbox.url}
  Service     ${service.url}   (client ${client.clientId})
  Backend     ${backend.url}

Try both flows with two browser windows: window A is your signed-in device, window B a new one.

  1. Window A: open ${web.url}, type an email (e.g. you@example.com) and press
     "Create an account". The backend creates the account and emails a code: open the mail
     inbox (${inbox.url}), type the code in A, and A gets its passkey and is signed in.
  2. Use this device once. Window B (a private window, or another browser): same email, "Sign in".
     The browser's passkey prompt finds no passkey for the account there (sign-in does not say
     who has an account): close it, and choose "Use this device once". B shows a code and
     waits; A lists the request (browser, IP, time, code): Approve, and B is signed in. Deny
     instead, and B says so. Leave it for 5 minutes, and B says the code expired.
  3. Add this device. In B: sign out, "Sign in", "Add this device". Open the mail inbox
     (${inbox.url}), type the code in B: B gets its own passkey and from then on signs in
     with it alone. A's passkey keeps working too.
  4. Your devices. In A: "Your devices" lists both passkeys, A's marked "This device". Rename
     B's, then remove it: B is signed out at once and its passkey never signs in again.
  5. Sign in a command-line app (the OAuth device grant). In a terminal:
       HANDOFF_URL=${service.url} HANDOFF_CLIENT_ID=${client.clientId} pnpm --filter @handoff/example-cli start
     It prints a code and a QR code. In A: "Approve a device", type the code (or open the QR
     code's link), check the device and Approve: the terminal says who it is signed in as.

  Your system may share passkeys between windows (iCloud Keychain, Windows Hello, a password
  manager): then B is offered A's passkey. Cancel that prompt to get the choices of step 2, or
  give B an authenticator of its own: DevTools > More tools > WebAuthn > "Enable virtual
  authenticator environment" > Add.

Press Ctrl-C to stop.`);
