import { readFileSync } from "node:fs";

/**
 * CPU time a process has used so far (user + system, all its threads), from `/proc/<pid>/stat`
 * (Linux): the work a server did for the requests sent to it, whatever else shares the machine.
 *
 * @example
 * const before = processCpuMs(service.pid);
 * // … traffic …
 * const spent = processCpuMs(service.pid) - before;
 */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may hold spaces, hence the last ")"): utime is the 14th
  // field of the line, stime the 15th, in clock ticks (100 per second on Linux).
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
