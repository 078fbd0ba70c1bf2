/**
 * Cold import time: a fresh Node process per run imports the given modules (resolved from bench/)
 * and reports how long the imports took, in ms.
 */
import { execFileSync } from "node:child_process";

/**
 * Times `runs` cold imports of `specifiers` (all in one process per run, in order); no
 * specifiers times an empty script.
 *
 * @example
 * const times = importTime(["better-auth", "better-auth/plugins/device-authorization"], 15);
 */
export function importTime(specifiers: readonly string[], runs: number): number[] {
  const imports = specifiers.map((specifier) => `await import(${JSON.stringify(specifier)});`).join(" ");
  const script = `const t = performance.now(); ${imports} console.log(performance.now() - t);`;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: new URL("..", import.meta.url),
      encoding: "utf8",
    });
    times.push(Number(out.trim()));
  }
  return times;
}
