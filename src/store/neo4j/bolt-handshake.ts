/**
 * Internal. What the store checks before it hands NEO4J_URI to the driver:
 *
 * - that it is a Neo4j URI (neo4j-driver says only "Unknown scheme: null" for `localhost:7687`);
 * - that the server there answers the Bolt handshake within NEO4J_CONNECT_TIMEOUT_MS. The driver
 *   bounds connecting (TCP) and waiting for a connection, but not the handshake: against a server
 *   that accepts the connection and never answers, it fails after its acquisition timeout and keeps
 *   that socket open even after `driver.close()`, so the process never exits.
 */
import net from 'node:net';
import tls from 'node:tls';

/** The schemes neo4j-driver accepts: routing (`neo4j`) or direct (`bolt`), plain, TLS, or TLS trusting any certificate. */
const SCHEMES = ['neo4j', 'neo4j+s', 'neo4j+ssc', 'bolt', 'bolt+s', 'bolt+ssc'] as const;
const DEFAULT_PORT = 7687;

export interface BoltTarget {
  readonly host: string;
  readonly port: number;
  /** `verify`: TLS against the system's CAs (`+s`); `any-certificate`: TLS accepting self-signed ones (`+ssc`). */
  readonly tls: 'none' | 'verify' | 'any-certificate';
}

/** Where `uri` points; throws a message naming NEO4J_URI when it is not a Neo4j URI. */
export function parseNeo4jUri(uri: string): BoltTarget {
  const scheme = /^([a-z0-9+.-]+):\/\//i.exec(uri)?.[1]?.toLowerCase();
  const known = SCHEMES.find((candidate) => candidate === scheme);
  let url: URL | undefined;
  try {
    url = new URL(uri);
  } catch {
    url = undefined;
  }
  if (known === undefined || url === undefined || url.hostname === '') {
    const problem = scheme === undefined ? 'has no scheme' : known === undefined ? `has the scheme "${scheme}"` : 'names no host';
    throw new Error(
      `NEO4J_URI=${uri} ${problem}: write ${SCHEMES.map((name) => `${name}://`).join(', ')} followed by host:port, e.g. neo4j://localhost:7687`,
    );
  }
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port === '' ? DEFAULT_PORT : Number(url.port),
    tls: known.endsWith('+ssc') ? 'any-certificate' : known.endsWith('+s') ? 'verify' : 'none',
  };
}

/** Bolt's magic preamble, then four version proposals: 5.0 to 5.8, then 4.4. */
const HANDSHAKE = Buffer.from([0x60, 0x60, 0xb0, 0x17, 0, 8, 8, 5, 0, 0, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0]);

/**
 * Connects, sends the Bolt handshake and waits for the server's 4-byte answer, then closes the
 * socket. Rejects with what went wrong (refused, unknown host, TLS, or no answer within `timeoutMs`).
 */
export function checkBoltHandshake(target: BoltTarget, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket =
      target.tls === 'none'
        ? net.connect({ host: target.host, port: target.port })
        : tls.connect({
            host: target.host,
            port: target.port,
            servername: net.isIP(target.host) === 0 ? target.host : undefined,
            rejectUnauthorized: target.tls === 'verify',
          });
    /** How far the exchange got, for the message when it stalls. */
    let stage: 'connect' | 'tls' | 'bolt' = 'connect';
    let answered = 0;
    const finish = (error?: Error): void => {
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(() => {
      const stalled = {
        connect: 'did not accept a connection',
        tls: 'accepted the connection but did not complete the TLS handshake',
        bolt: 'accepted the connection but did not answer the Bolt handshake',
      }[stage];
      finish(new Error(`the server at ${target.host}:${target.port} ${stalled} within ${timeoutMs} ms (NEO4J_CONNECT_TIMEOUT_MS)`));
    }, timeoutMs);
    socket.once('connect', () => {
      stage = target.tls === 'none' ? 'bolt' : 'tls';
      if (stage === 'bolt') socket.write(HANDSHAKE);
    });
    socket.once('secureConnect', () => {
      stage = 'bolt';
      socket.write(HANDSHAKE);
    });
    socket.on('data', (chunk: Buffer) => {
      // A Bolt server answers a version, 00 00 minor major; anything else is another protocol.
      if (answered === 0 && chunk[0] !== 0) {
        finish(
          new Error(
            `the server at ${target.host}:${target.port} does not speak Bolt (is it Neo4j's HTTP port? Bolt listens on 7687 by default)`,
          ),
        );
        return;
      }
      answered += chunk.length;
      if (answered >= 4) finish();
    });
    socket.once('error', (error) => finish(error));
    socket.once('close', () => {
      if (answered < 4) finish(new Error(`the server at ${target.host}:${target.port} closed the connection during the Bolt handshake`));
    });
  });
}
