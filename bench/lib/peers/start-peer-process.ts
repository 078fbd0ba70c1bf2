/**
 * Starts a bench server script (a peer's server, like lib/floor-server.ts) as its own Node process
 * and waits for the `{"url": …}` line it prints once listening on 127.0.0.1.
 */
import { type ChildProcess, spawn } from "node:child_process";

/** A peer server running in its own process. */
export interface PeerProcess {
  /** Base URL, `http://127.0.0.1:<port>`. */
  url: string;
  /** The child's process id. */
  pid: number;
  /** Stops the process (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * Runs `node <script> ...args` with production's NODE_ENV and resolves once it prints its URL.
 *
 * @example
 * const peer = await startPeerProcess(new URL("./oidc-provider-server.ts", import.meta.url), []);
 */
export async function startPeerProcess(script: URL, args: readonly string[]): Promise<PeerProcess> {
  const child: ChildProcess = spawn(process.execPath, [script.pathname, ...args], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /\{"url":"([^"]+)"\}/.exec(out);
      // Later output is not read, but the pipe stays drained so the child never blocks.
      if (match) resolve(match[1] as string);
    });
    child.once("exit", (code) => reject(new Error(`${script.pathname} exited ${code}`)));
  });
  return {
    url,
    pid: child.pid as number,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
