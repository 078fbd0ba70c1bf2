// `pnpm --filter @handoff/example-backend start`: the example backend configured from the
// environment. Ctrl-C stops it.
//
//   HANDOFF_URL          the service, e.g. http://127.0.0.1:8787
//   HANDOFF_CLIENT_ID    the client id the service issued
//   HANDOFF_PRIVATE_KEY  the client's private key, PKCS#8 PEM
//   PORT                 default 3000
//   SMTP_HOST, SMTP_PORT where add-device codes are mailed, default 127.0.0.1:2525 (the dev inbox)
//   MAIL_FROM            sender address
//   TRUST_PROXY=1        read the client IP from X-Forwarded-For (behind the Vite dev server)
import { createBackend } from "./create-backend.ts";

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`Set ${name} (see the comment at the top of src/main.ts).`);
    process.exit(1);
  }
  return value;
}

const backend = await createBackend({
  handoff: {
    baseUrl: required("HANDOFF_URL"),
    clientId: required("HANDOFF_CLIENT_ID"),
    privateKey: required("HANDOFF_PRIVATE_KEY"),
  },
  port: Number(process.env.PORT ?? 3000),
  smtp: {
    host: process.env.SMTP_HOST ?? "127.0.0.1",
    port: Number(process.env.SMTP_PORT ?? 2525),
    ...(process.env.MAIL_FROM ? { from: process.env.MAIL_FROM } : {}),
  },
  trustProxy: process.env.TRUST_PROXY === "1",
});
console.log(`Example backend at ${backend.url}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void backend.close().then(() => process.exit(0)));
}
