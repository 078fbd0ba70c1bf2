// `pnpm --filter @handoff/example-dev-inbox start`: the dev inbox on its default ports, or on
// SMTP_PORT and INBOX_PORT. Ctrl-C stops it.
import { startDevInbox } from "./start-dev-inbox.ts";

const inbox = await startDevInbox({
  smtpPort: Number(process.env.SMTP_PORT ?? 2525),
  httpPort: Number(process.env.INBOX_PORT ?? 8025),
});
console.log(`Dev inbox: SMTP on 127.0.0.1:${inbox.smtpPort}, mails at ${inbox.url}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void inbox.close().then(() => process.exit(0)));
}
