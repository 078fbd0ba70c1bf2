import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";
import { serviceCommands } from "./packages/browser/test/service-commands.js";

/** Chromium from Debian (never a downloaded browser); override with CHROMIUM_PATH. */
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "node",
          environment: "node",
          include: [
            "packages/*/src/**/*.test.ts",
            "packages/*/test/**/*.test.ts",
            "packages/*/openapi/*.test.ts",
            "examples/*/test/**/*.test.ts",
            "examples/e2e/**/*.test.ts",
          ],
          exclude: ["**/*.browser.test.ts", "**/node_modules/**"],
          testTimeout: 20_000,
        },
      },
      {
        optimizeDeps: {
          include: ["zod/mini", "@simplewebauthn/browser", "qrcode", "jose"],
        },
        test: {
          name: "browser",
          globalSetup: ["packages/browser/test/global-setup.ts"],
          include: ["packages/*/src/**/*.browser.test.ts", "packages/*/test/**/*.browser.test.ts"],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: {
                executablePath: chromiumPath,
                args: [
                  "--no-sandbox",
                  "--disable-gpu",
                  "--disable-background-networking",
                  "--disable-component-update",
                  "--disable-sync",
                  "--no-first-run",
                ],
              },
            }),
            instances: [{ browser: "chromium" }],
            commands: serviceCommands,
          },
        },
      },
    ],
  },
});
