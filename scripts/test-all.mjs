#!/usr/bin/env node
// Runs every suite of the repository and ends with one plain line:
//   N passed, N failed, N skipped
// Test runners report their own test counts; a check without tests (lint, build, typecheck)
// counts as one test. Exits non-zero when anything failed.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

const totals = { passed: 0, failed: 0, skipped: 0 };

function run(title, command, args, env = {}) {
  console.log(`\n━━ ${title}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(title, command, args) {
  const ok = run(title, command, args);
  totals[ok ? "passed" : "failed"] += 1;
  console.log(`━━ ${title}: ${ok ? "ok" : "FAILED"}`);
}

/** Runs vitest with a JSON report and adds its counts. */
function vitest(title, args) {
  const report = `.vitest-results-${title.replace(/\W+/g, "-")}.json`;
  rmSync(report, { force: true });
  const ok = run(title, "vitest", [
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
    ...args,
  ]);
  if (!existsSync(report)) {
    totals.failed += 1;
    console.log(`━━ ${title}: no report written, counted as one failure`);
    return;
  }
  const r = JSON.parse(readFileSync(report, "utf8"));
  rmSync(report, { force: true });
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + r.numTodoTests;
  // A suite that fails to load has no failed tests but a failed file.
  const brokenFiles = r.testResults.filter((f) => f.status === "failed" && f.assertionResults.length === 0).length;
  totals.failed += brokenFiles;
  if (!ok && r.numFailedTests === 0 && brokenFiles === 0) totals.failed += 1;
  console.log(
    `━━ ${title}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`,
  );
}

check("lint", "biome", ["ci", "."]);
check("build", "pnpm", ["-r", "--filter", "./packages/*", "build"]);
check("typecheck", "pnpm", ["-r", "typecheck"]);
vitest("unit and integration", []);
check("docs site (build, dead-link check)", "pnpm", ["--filter", "@handoff/docs", "build"]);
check("benchmarks (smoke)", "pnpm", ["--filter", "@handoff/bench", "bench:smoke"]);

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed === 0 ? 0 : 1);
