#!/usr/bin/env node
// Extracts every ```ts block of the docs' Markdown into generated-snippets/, each prefixed with
// snippet-prelude.ts (the names guides use without defining: `handoff`, `client`, `userId`, …),
// so `tsc` type-checks every inline snippet against the real packages. Files included with
// `<<< @/snippets/…` are type-checked as they are.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const root = join(import.meta.dirname, "..");
const out = join(root, "generated-snippets");
const prelude = readFileSync(join(root, "scripts", "snippet-prelude.ts"), "utf8");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

function* markdownFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (["node_modules", "api", ".vitepress", "generated-snippets", "snippets"].includes(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* markdownFiles(path);
    else if (entry.name.endsWith(".md")) yield path;
  }
}

/** The local names an import line binds: `{ a, type B, c as d }` → a, B, d. */
const bindings = (line) =>
  (line.match(/\{([^}]*)\}/)?.[1] ?? "")
    .split(",")
    .map((part) =>
      part
        .trim()
        .replace(/^type\s+/, "")
        .split(/\s+as\s+/)
        .at(-1),
    )
    .filter(Boolean);

let count = 0;
for (const file of markdownFiles(root)) {
  const blocks = [...readFileSync(file, "utf8").matchAll(/```ts\n([\s\S]*?)```/g)];
  blocks.forEach((match, index) => {
    const name = `${relative(root, file).replace(/[\\/]/g, "__").replace(/\.md$/, "")}-${index + 1}.ts`;
    const body = match[1];
    // Imports must come first in a module; the prelude's declarations follow them.
    const imports = body.split("\n").filter((line) => /^import\s/.test(line));
    const rest = body.split("\n").filter((line) => !/^import\s/.test(line));
    const preludeImports = prelude.split("\n").filter((line) => /^import\s/.test(line));
    const preludeRest = prelude.split("\n").filter((line) => !/^import\s/.test(line));
    const lines = [
      `// Extracted from ${relative(root, file)} (block ${index + 1}); do not edit.`,
      // A prelude import is left out when the snippet imports one of its names itself.
      ...preludeImports.filter(
        (line) => !bindings(line).some((name) => imports.some((own) => bindings(own).includes(name))),
      ),
      ...imports,
      ...preludeRest,
      "{",
      ...rest,
      "}",
      "export {};",
    ];
    writeFileSync(join(out, name), `${lines.join("\n")}\n`);
    count += 1;
  });
}
console.log(`extracted ${count} snippets to ${relative(process.cwd(), out) || "."}`);
