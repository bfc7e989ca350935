/**
 * A loopback TCP proxy that cuts connections at random points, to prove the client survives broken streams.
 * Deterministic (seeded), bounded (at most `maxCuts` cuts, then it forwards faithfully) and self-stopping (it
 * closes after `lifetimeMs` even if a test forgets to). Only ever listens on and connects to 127.0.0.1.
 */
import { createServer, type Server, type Socket, connect as tcpConnect } from "node:net";

export interface FaultProxyOptions {
  /** Port of the real server on 127.0.0.1. */
  readonly targetPort: number;
  readonly seed: number;
  /** How many connections to cut in total. */
  readonly maxCuts: number;
  /** A connection is cut after a random number of server→client bytes in this range. */
  readonly cutAfterBytes: readonly [min: number, max: number];
  /** The proxy shuts itself down after this long. Default 5 minutes. */
  readonly lifetimeMs?: number;
}

export interface FaultProxy {
  /** Port to connect to, on 127.0.0.1. */
  readonly port: number;
  /** Connections cut so far. */
  readonly cuts: number;
  /** Connections accepted so far. */
  readonly connections: number;
  /**
   * The next client→server chunk on any connection is swallowed and that connection cut, so the request it
   * carried never reaches the server. Counts towards `cuts` but not towards `maxCuts`.
   */
  dropNextRequest(): void;
  close(): Promise<void>;
}

/** mulberry32: a tiny, well-mixed deterministic generator. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const random = seededRandom(options.seed);
  const [minBytes, maxBytes] = options.cutAfterBytes;
  const sockets = new Set<Socket>();
  let cuts = 0;
  let connections = 0;
  let dropArmed = false;

  const server: Server = createServer((client) => {
    connections += 1;
    const upstream = tcpConnect({ host: "127.0.0.1", port: options.targetPort });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => socket.destroy());
    }
    const budget = cuts < options.maxCuts ? minBytes + Math.floor(random() * (maxBytes - minBytes)) : Infinity;
    let forwarded = 0;
    client.on("data", (chunk: Buffer) => {
      if (dropArmed) {
        dropArmed = false;
        cuts += 1;
        client.resetAndDestroy();
        upstream.destroy();
        return;
      }
      upstream.write(chunk);
    });
    upstream.on("data", (chunk: Buffer) => {
      forwarded += chunk.length;
      if (forwarded >= budget && cuts < options.maxCuts) {
        cuts += 1;
        // Hand over part of the chunk so the cut lands mid-message, then drop both sides abruptly.
        client.write(chunk.subarray(0, Math.max(0, chunk.length - (forwarded - budget))));
        client.resetAndDestroy();
        upstream.destroy();
        return;
      }
      client.write(chunk);
    });
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("fault proxy has no TCP address");

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= new Promise((resolve) => {
      clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
    return closed;
  };
  const timer = setTimeout(() => void close(), options.lifetimeMs ?? 5 * 60_000);
  timer.unref();

  return {
    port: address.port,
    get cuts() {
      return cuts;
    },
    get connections() {
      return connections;
    },
    dropNextRequest() {
      dropArmed = true;
    },
    close,
  };
}
