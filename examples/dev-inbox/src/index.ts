export type { ReceivedMail } from "./received-mail.ts";
export type { DevInbox, DevInboxOptions } from "./start-dev-inbox.ts";
export { startDevInbox } from "./start-dev-inbox.ts";
