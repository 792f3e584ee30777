import { execFile } from "node:child_process";
import type { AddressInfo } from "node:net";
import { createServer, type Server, type Socket } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { BIN } from "./support/cli.ts";
import { closedPort } from "./support/ports.ts";

// Far above the ~6 s a lone run takes, so a loaded machine does not fail it; a hang is killed here.
const GIVE_UP_MS = 15_000;

const servers: Server[] = [];
const sockets = new Set<Socket>();
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A TCP server on 127.0.0.1 that accepts every connection and never writes a byte. */
async function silentServer(): Promise<{ port: number; accepted: () => number }> {
  let accepted = 0;
  const server = createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on("error", () => {});
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, accepted: () => accepted };
}

/** bin/newsdesk as a user runs it, killed if it has not returned by GIVE_UP_MS. */
function newsdesk(args: string[], storeUrl: string) {
  const started = Date.now();
  return new Promise<{ code: number; stderr: string; killed: boolean; ms: number }>((resolve) => {
    execFile(
      BIN,
      args,
      { env: { ...process.env, DISCORD_TOKEN: "", STORE_URL: storeUrl }, timeout: GIVE_UP_MS },
      (error, _stdout, stderr) =>
        resolve({
          code: error ? Number(error.code ?? 1) : 0,
          stderr,
          killed: error?.killed === true,
          ms: Date.now() - started,
        }),
    );
  });
}

describe("a Redis STORE_URL that cannot be used", () => {
  it.concurrent("a server that accepts the connection and never answers: one line naming STORE_URL, a non-zero exit, no hang", async () => {
    const server = await silentServer();
    const result = await newsdesk(["library", "list"], `redis://127.0.0.1:${server.port}`);
    expect(server.accepted()).toBeGreaterThan(0);
    expect(result.killed, `still running after ${GIVE_UP_MS} ms`).toBe(false);
    expect(result.code).not.toBe(0);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^newsdesk: STORE_URL redis://127\\.0\\.0\\.1:${server.port}: `));
    expect(lines[0]).toMatch(/took longer than \d+ ms/);
    console.info(`silent Redis reported after ${result.ms} ms`);
  }, 20_000);

  it.concurrent("a refused port: one line naming STORE_URL that says the connection was refused", async () => {
    const port = await closedPort();
    const result = await newsdesk(["library", "list"], `redis://user:hunter2@127.0.0.1:${port}`);
    expect(result.killed).toBe(false);
    expect(result.code).not.toBe(0);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^newsdesk: STORE_URL redis:\/\/\*\*\*@127\.0\.0\.1:\d+: /);
    // Refused at once, not retried until the probe times out.
    expect(lines[0]).toContain("the connection was refused");
    expect(lines[0]).not.toMatch(/took longer/);
    expect(result.stderr).not.toContain("hunter2");
  }, 20_000);
});
