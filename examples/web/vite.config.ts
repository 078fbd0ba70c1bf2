import { defineConfig } from "vite";
import { webViteConfig } from "./vite-options.ts";

// `pnpm dev`: the frontend on http://localhost:5173, with /api proxied to the example backend.
export default defineConfig(webViteConfig({ backendUrl: process.env.BACKEND_URL ?? "http://127.0.0.1:3000" }));
