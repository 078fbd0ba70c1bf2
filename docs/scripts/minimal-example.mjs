#!/usr/bin/env node
// Writes the files of examples/minimal into the Markdown that shows them: each region
//
//   <!-- minimal:server.ts -->
//   (anything)
//   <!-- /minimal -->
//
// becomes a code block holding that file, so the quickstart shows the example's code itself (on
// GitHub and in editors too, unlike VitePress's `<<<` includes). With `--check` it writes
// nothing and fails when a region differs from its file (the docs' `typecheck` runs it).
import { readFileSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";

const docs = join(import.meta.dirname, "..");
const example = join(docs, "..", "examples", "minimal");
const pages = ["quickstart.md"];
const check = process.argv.includes("--check");
const REGION = /<!-- minimal:([\w.-]+) -->\n[\s\S]*?<!-- \/minimal -->/g;

const stale = [];
for (const page of pages) {
  const path = join(docs, page);
  const markdown = readFileSync(path, "utf8");
  const updated = markdown.replace(REGION, (_, file) => {
    const code = readFileSync(join(example, file), "utf8").trimEnd();
    return `<!-- minimal:${file} -->\n\`\`\`${extname(file).slice(1)}\n${code}\n\`\`\`\n<!-- /minimal -->`;
  });
  if (updated === markdown) continue;
  if (check) stale.push(page);
  else writeFileSync(path, updated);
}
if (stale.length > 0) {
  console.error(
    `docs/${stale.join(", docs/")} differs from examples/minimal: run node docs/scripts/minimal-example.mjs`,
  );
  process.exit(1);
}
