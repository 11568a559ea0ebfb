/**
 * readSeed decodes a large seed's graph files in a worker thread: what it reads must not
 * depend on where the files were decoded (text, a byte-order mark, bad JSON, an unreadable file).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readSeed } from '../../src/ingest/read-seed';

const IN_WORKER = { decodeInWorkerBytes: 0 };
const IN_THREAD = { decodeInWorkerBytes: Number.POSITIVE_INFINITY };

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cities-kg-read-seed-'));
  await mkdir(path.join(dir, 'graph'));
  await mkdir(path.join(dir, 'sources'));
  await writeFile(path.join(dir, 'sources', '000.txt'), 'كراتشي باكستان');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function graphFile(name: string, content: string | Buffer): Promise<void> {
  await writeFile(path.join(dir, 'graph', name), content);
}

describe('readSeed', () => {
  it('reads the same files, texts and errors whether a worker decodes them or not', async () => {
    await graphFile('a.json', JSON.stringify({ nodes: [{ id: 'city:karachi', name: 'Karachi', nameAr: 'كراتشي 😀' }] }));
    await graphFile('b.json', '{"nodes": [');
    await graphFile('c.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"nodes": []}')]));
    // Bytes that are not UTF-8 are replaced, as TextDecoder does.
    await graphFile(
      'd.json',
      Buffer.concat([Buffer.from('{"relations": [], "$comment": "'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]),
    );
    const inWorker = await readSeed(dir, IN_WORKER);
    const inThread = await readSeed(dir, IN_THREAD);
    expect(inWorker).toEqual(inThread);
    expect(inWorker.files.map((file) => ('error' in file ? 'error' : 'content'))).toEqual(['content', 'error', 'error', 'content']);
    expect(inWorker.files[0]).toEqual({
      file: path.join('graph', 'a.json'),
      content: { nodes: [{ id: 'city:karachi', name: 'Karachi', nameAr: 'كراتشي 😀' }] },
    });
    expect(inWorker.files[3]).toEqual({ file: path.join('graph', 'd.json'), content: { relations: [], $comment: '\ufffd(' } });
  });

  it('fails on a file it cannot read as it does without the worker', async () => {
    await graphFile('a.json', '{}');
    // A folder named like a graph file: reading it fails for every user, root too.
    await mkdir(path.join(dir, 'graph', 'b.json'));
    const unreadable = (await readSeed(dir, IN_THREAD).catch((error: unknown) => error)) as NodeJS.ErrnoException;
    expect(unreadable.code).toBe('EISDIR');
    await expect(readSeed(dir, IN_WORKER)).rejects.toMatchObject({ code: 'EISDIR', message: unreadable.message });
  });
});
