import { usePostgres } from "../use-postgres.js";
import { describeAnonymousRowsPurged } from "./anonymous-rows.js";

const server = await usePostgres();
const database = await server.createDatabase();

await describeAnonymousRowsPurged(
  "Postgres",
  database,
  async (table) => {
    const rows = await server.query(database, `SELECT COUNT(*)::int AS n FROM ${table}`);
    return Number(rows[0]?.n);
  },
  { limiterTable: true },
);
