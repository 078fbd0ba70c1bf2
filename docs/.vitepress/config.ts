import { defineConfig } from "vitepress";

export default defineConfig({
  title: "Handoff",
  description: "Device handoff authentication: let a new device in once, or for good.",
  cleanUrls: true,
  // GitHub Pages serves a project site under /<repository>/ (.github/workflows/docs.yml sets it).
  base: process.env.DOCS_BASE ?? "/",
  srcExclude: ["**/README.md", "snippets/**"],
  // Dead internal links fail the build: the link check.
  ignoreDeadLinks: false,
  themeConfig: {
    nav: [
      { text: "Guide", link: "/quickstart" },
      { text: "REST contract", link: "/reference/rest" },
      { text: "API", link: "/api/" },
    ],
    sidebar: [
      {
        text: "Start",
        items: [
          { text: "Quickstart", link: "/quickstart" },
          { text: "One-time authentication", link: "/guides/one-time-authentication" },
          { text: "Add device", link: "/guides/add-device" },
          { text: "Passkeys without a username, and autofill", link: "/guides/passkey-autofill" },
          { text: "Managing devices", link: "/guides/managing-devices" },
          { text: "Signing in CLIs and TVs", link: "/guides/signing-in-clis-and-tvs" },
        ],
      },
      {
        text: "Concepts",
        items: [
          { text: "Choosing a code type", link: "/guides/code-types" },
          { text: "The fallback pattern", link: "/guides/fallback" },
          { text: "Delivering codes", link: "/guides/delivering-codes" },
          { text: "Security model", link: "/security" },
        ],
      },
      {
        text: "Operate",
        items: [
          { text: "Self-hosting the service", link: "/self-hosting" },
          { text: "Several instances on Postgres", link: "/deployment-postgres" },
          { text: "Migrating from LoginID", link: "/migration" },
        ],
      },
      {
        text: "Reference",
        items: [
          { text: "REST contract", link: "/reference/rest" },
          { text: "Decisions (contract.md)", link: "/contract" },
          { text: "@handoff/server", link: "/api/@handoff/server/" },
          { text: "@handoff/browser", link: "/api/@handoff/browser/" },
          { text: "@handoff/browser/passkeys", link: "/api/@handoff/browser/passkeys/" },
          { text: "@handoff/browser/device-keys", link: "/api/@handoff/browser/device-keys/" },
          { text: "@handoff/browser/qr", link: "/api/@handoff/browser/qr/" },
          { text: "@handoff/types", link: "/api/@handoff/types/" },
        ],
      },
    ],
    search: { provider: "local" },
  },
});
