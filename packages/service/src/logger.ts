/** One structured log entry. Never holds codes, tokens, keys or secrets. */
export interface LogEntry {
  level: "info" | "warn" | "error";
  msg: string;
  [field: string]: unknown;
}

/** Where log entries go. */
export type Logger = (entry: LogEntry) => void;

/** Writes each entry as one JSON line on stdout, with a timestamp. */
export const jsonLinesLogger: Logger = (entry) => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
};
