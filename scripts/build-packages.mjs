#!/usr/bin/env node
// Builds the packages under packages/ that changed since their last build, in dependency order,
// printing one line per package built and the build's output only when it fails. `npm run demo`
// (scripts/demo.mjs) runs it first, so a second start takes no build at all.
//
//   node scripts/build-packages.mjs          # build what is stale
//   node scripts/build-packages.mjs --force  # build everything
//
// A package is stale when the hash of its inputs (src/, package.json, tsup and tsconfig files)
// differs from the one recorded after its last successful build, when its dist/ is missing, or
// when a package it depends on was just built.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const root = join(import.meta.dirname, "..");
const cacheDir = join(root, "node_modules", ".cache", "handoff-build");
const force = process.argv.includes("--force");

function files(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path) : [path];
  });
}

function inputsHash(dir) {
  const hash = createHash("sha256");
  const inputs = [
    ...files(join(dir, "src")),
    ...readdirSync(dir)
      .filter((name) => name === "package.json" || /^(tsup\.config|tsconfig).*\.(ts|json)$/.test(name))
      .map((name) => join(dir, name)),
  ].sort();
  for (const file of inputs)
    hash
      .update(`${relative(dir, file)}\0`)
      .update(readFileSync(file))
      .update("\0");
  return hash.digest("hex");
}

const packages = readdirSync(join(root, "packages"))
  .map((name) => join(root, "packages", name))
  .filter((dir) => existsSync(join(dir, "package.json")))
  .map((dir) => {
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const local = Object.keys(manifest.dependencies ?? {}).filter((name) => name.startsWith("@handoff/"));
    return { dir, name: manifest.name, local, hasBuild: Boolean(manifest.scripts?.build) };
  });

// Dependency order: a package after every @handoff package it depends on at run time.
const ordered = [];
const visit = (pkg, path = []) => {
  if (ordered.includes(pkg)) return;
  if (path.includes(pkg)) throw new Error(`dependency cycle: ${[...path, pkg].map((p) => p.name).join(" → ")}`);
  for (const name of pkg.local) {
    const dependency = packages.find((candidate) => candidate.name === name);
    if (dependency) visit(dependency, [...path, pkg]);
  }
  ordered.push(pkg);
};
for (const pkg of packages) visit(pkg);

// Run pnpm the way this script was started (`pnpm run …` sets npm_execpath), else through npx.
const pnpm = process.env.npm_execpath?.includes("pnpm")
  ? [process.execPath, process.env.npm_execpath]
  : ["npx", "--yes", "pnpm@10.34.9"];

mkdirSync(cacheDir, { recursive: true });
const built = new Set();
for (const pkg of ordered.filter((candidate) => candidate.hasBuild)) {
  const stamp = join(cacheDir, `${pkg.name.replace("/", "+")}.sha256`);
  const hash = inputsHash(pkg.dir);
  const upToDate =
    !force &&
    existsSync(join(pkg.dir, "dist")) &&
    statSync(join(pkg.dir, "dist")).isDirectory() &&
    existsSync(stamp) &&
    readFileSync(stamp, "utf8") === hash &&
    !pkg.local.some((name) => built.has(name));
  if (upToDate) continue;
  process.stdout.write(`› building ${pkg.name}\n`);
  const [command, ...args] = pnpm;
  const result = spawnSync(command, [...args, "run", "build"], { cwd: pkg.dir, encoding: "utf8" });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ""}${result.stderr ?? ""}`);
    process.stderr.write(`Building ${pkg.name} failed (exit ${result.status ?? result.signal}).\n`);
    process.exit(1);
  }
  writeFileSync(stamp, hash);
  built.add(pkg.name);
}
