import { describeUsernameLessSignIn } from "./passkey-username-less.js";
import { usePostgres } from "./use-postgres.js";

const server = await usePostgres();

await describeUsernameLessSignIn("Postgres", await server.createDatabase());
