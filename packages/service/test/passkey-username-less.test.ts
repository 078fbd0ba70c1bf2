import { describeUsernameLessSignIn } from "./passkey-username-less.js";

await describeUsernameLessSignIn("SQLite", ":memory:");
