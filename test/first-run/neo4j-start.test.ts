/**
 * `start` on the Neo4j store when Neo4j is not what NEO4J_URI promises: the built CLI reports
 * within NEO4J_CONNECT_TIMEOUT_MS, names what to fix, and exits non-zero instead of hanging.
 * The "Neo4j" here is a local TCP server that accepts connections and never answers (or
 * answers the Bolt handshake and then nothing).
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { PROJECT_ROOT } from '../../src/project-root';
import { collectOutput, exitOf, freePort, freshJournal } from './processes';

jest.setTimeout(60_000);

const CLI = path.join(PROJECT_ROOT, 'dist', 'src', 'cli.js');
const sockets = new Set<net.Socket>();
const servers: net.Server[] = [];

/** A server on a free loopback port; `onData` decides what (if anything) it answers. */
async function listen(onData: (socket: net.Socket, chunk: Buffer) => void): Promise<number> {
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('data', (chunk: Buffer) => onData(socket, chunk));
    socket.on('error', () => undefined);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as net.AddressInfo).port;
}

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

/** Runs `start` against `uri`; resolves with its exit and output, or fails if it is still running after `limitMs`. */
async function start(uri: string, env: Record<string, string> = {}, limitMs = 30_000): Promise<{ code: number | string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, 'start'], {
    env: {
      ...process.env,
      GRAPH_STORE: 'neo4j',
      NEO4J_URI: uri,
      NEO4J_PASSWORD: 'not-used',
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      CURATION_DB: freshJournal(),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collectOutput(child);
  const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
  const code = await exitOf(child);
  clearTimeout(timer);
  return { code, stderr: output() };
}

describe.each(['bolt', 'neo4j'])('%s:// to a server that accepts connections and never answers', (scheme) => {
  it('reports after NEO4J_CONNECT_TIMEOUT_MS, naming the setting, and exits 1', async () => {
    const port = await listen(() => undefined);
    const uri = `${scheme}://127.0.0.1:${port}`;
    const result = await start(uri, { NEO4J_CONNECT_TIMEOUT_MS: '1000' });
    expect(result).toEqual({
      code: 1,
      stderr: expect.stringContaining(
        `cannot use Neo4j at ${uri} (database "neo4j"): the server at 127.0.0.1:${port} accepted the connection but did not answer the Bolt handshake within 1000 ms (NEO4J_CONNECT_TIMEOUT_MS)`,
      ),
    });
  });
});

it('bounds the wait for a server that answers the handshake and then nothing by the same setting', async () => {
  // Bolt 5.4 agreed, then silence: the driver's own connection timeout is the setting.
  const port = await listen((socket, chunk) => {
    if (chunk.readUInt32BE(0) === 0x6060b017) socket.write(Buffer.from([0, 0, 4, 5]));
  });
  const result = await start(`bolt://127.0.0.1:${port}`, { NEO4J_CONNECT_TIMEOUT_MS: '1000' });
  expect(result).toEqual({ code: 1, stderr: expect.stringMatching(/cannot use Neo4j at .*timed out in 1000 ms/) });
});

it("says so when the port speaks another protocol (Neo4j's HTTP port)", async () => {
  const port = await listen((socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
  const result = await start(`neo4j://127.0.0.1:${port}`);
  expect(result).toEqual({
    code: 1,
    stderr: expect.stringContaining(`the server at 127.0.0.1:${port} does not speak Bolt (is it Neo4j's HTTP port?`),
  });
});

it('names NEO4J_URI and the schemes it takes when the URI has none', async () => {
  const result = await start('localhost:7687');
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('NEO4J_URI=localhost:7687 has no scheme: write neo4j://, neo4j+s://');
  expect(result.stderr).not.toContain('Unknown scheme');
});

it('names NEO4J_URI when its scheme is not one of Neo4j', async () => {
  const result = await start('http://localhost:7474');
  expect(result).toEqual({ code: 1, stderr: expect.stringContaining('NEO4J_URI=http://localhost:7474 has the scheme "http"') });
});

it('says the connection was refused when nothing listens', async () => {
  const port = await freePort();
  const result = await start(`neo4j://127.0.0.1:${port}`);
  expect(result).toEqual({
    code: 1,
    stderr: expect.stringContaining(`cannot use Neo4j at neo4j://127.0.0.1:${port} (database "neo4j"): connect ECONNREFUSED`),
  });
});

it('waits 15 s by default', () => {
  expect(loadConfig({ GRAPH_STORE: 'neo4j', NEO4J_URI: 'neo4j://localhost:7687' }).neo4j?.connectTimeoutMs).toBe(15_000);
});
