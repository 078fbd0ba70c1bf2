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
  // Should the bench die before stop(), the peer dies with it.
  const orphaned = () => child.kill("SIGTERM");
  process.once("exit", orphaned);
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /\{"url":"([^"]+)"\}/.exec(out);
      if (!match) return;
      // Later output is neither read nor kept, but the pipe stays drained so the child never blocks.
      child.stdout?.off("data", onData);
      child.stdout?.resume();
      resolve(match[1] as string);
    };
    child.stdout?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`${script.pathname} exited ${code}`)));
  });
  return {
    url,
    pid: child.pid as number,
    async stop() {
      process.off("exit", orphaned);
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
