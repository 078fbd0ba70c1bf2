/**
 * CPU time of processes from /proc (Linux): what a stretch of work cost a service process or a
 * whole PostgreSQL server (its postmaster and every backend), so a rate measured on a shared
 * machine can be turned into cores needed.
 */
import { readdirSync, readFileSync } from "node:fs";

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** Fields of /proc/<pid>/stat after the command name: [state, ppid, …]; utime and stime are 12 and 13. */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined; // gone
  }
}

/** CPU seconds (user + system) used so far by `pid`; 0 once it is gone. */
export function cpuSeconds(pid: number): number {
  const fields = statFields(pid);
  if (!fields) return 0;
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** CPU seconds used so far by `pid` and each of its children (a postmaster and its backends), by pid. */
export function treeCpuSeconds(pid: number): Map<number, number> {
  const seconds = new Map([[pid, cpuSeconds(pid)]]);
  for (const entry of readdirSync("/proc")) {
    const child = Number(entry);
    if (!Number.isInteger(child)) continue;
    const fields = statFields(child);
    if (fields && Number(fields[1]) === pid)
      seconds.set(child, (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND);
  }
  return seconds;
}

/** CPU seconds spent between two {@link treeCpuSeconds} readings (processes born in between count from 0). */
export function cpuSpent(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}

/** The pid of the postmaster listening on `port` (its command line has `-p <port>`). */
export function postmasterPid(port: number): number {
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      const at = args.indexOf("-p");
      if (args[0]?.endsWith("/postgres") && at >= 0 && args[at + 1] === String(port)) return pid;
    } catch {
      // gone, or not ours to read
    }
  }
  throw new Error(`no postmaster found on port ${port}`);
}
