/**
 * `npm run bench:seed -- --relations N --out DIR`: writes a synthetic graph (synthetic/) as a
 * seed folder that `SEED_DIR=DIR npm start` serves: `graph/*.json` (one file per synthetic
 * source document, each record in the file of the document it cites, as the real seed is
 * laid out) and `sources/*.txt` (the texts every quote is taken from). Relations are written
 * without ids, as curators write them; the loader derives the ids. Each record's keys come in
 * its schema's order (graph-document.ts), the order of the curated seed files.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import {
  citedBy,
  nodeRecordSchema,
  relationInputSchema,
  type NodeRecord,
  type RelationRecord,
  type SourceRef,
} from '../../src/domain/graph-document';
import { generateGraph, type SyntheticGraph } from '../synthetic/generate';

/** Each label's and each relation type's keys, in its schema's order. */
const NODE_KEYS = new Map(nodeRecordSchema.options.map((schema) => [schema.shape.label.value, Object.keys(schema.shape)]));
const RELATION_KEYS = new Map(relationInputSchema.options.map((schema) => [schema.shape.type.value, Object.keys(schema.shape)]));

/** A copy of `record` with its keys in the order of `keys` (keys it does not have are left out). */
function inKeyOrder<T extends object>(record: T, keys: readonly string[] | undefined): T {
  const values = record as Readonly<Record<string, unknown>>;
  const copy: Record<string, unknown> = {};
  for (const key of keys ?? Object.keys(record)) if (values[key] !== undefined) copy[key] = values[key];
  return copy as T;
}

export interface WrittenSeed {
  readonly dir: string;
  readonly nodes: number;
  readonly relations: number;
  /** Bytes of graph JSON written. */
  readonly graphBytes: number;
}

/** Records per write: big enough to keep the stream busy, small enough to keep memory flat. */
const CHUNK = 5_000;

async function writeJsonFile(
  file: string,
  nodes: readonly NodeRecord[],
  relations: readonly Omit<RelationRecord, 'id'>[],
): Promise<number> {
  const stream = createWriteStream(file, { encoding: 'utf8' });
  let bytes = 0;
  const write = async (text: string): Promise<void> => {
    bytes += Buffer.byteLength(text);
    if (!stream.write(text)) await once(stream, 'drain');
  };
  const writeList = async (name: string, records: readonly object[], last: boolean): Promise<void> => {
    await write(`"${name}": [\n`);
    for (let start = 0; start < records.length; start += CHUNK) {
      const lines = records.slice(start, start + CHUNK).map((record) => `  ${JSON.stringify(record)}`);
      await write(lines.join(',\n') + (start + CHUNK < records.length ? ',\n' : '\n'));
    }
    await write(last ? ']\n' : '],\n');
  };
  await write('{\n');
  await writeList('nodes', nodes, false);
  await writeList('relations', relations, true);
  await write('}\n');
  stream.end();
  await once(stream, 'finish');
  return bytes;
}

/** Writes `synthetic` into `dir` (created; graph/ and sources/ are replaced). */
export async function writeSeed(synthetic: SyntheticGraph, dir: string): Promise<WrittenSeed> {
  const graphDir = path.join(dir, 'graph');
  const sourcesDir = path.join(dir, 'sources');
  await rm(graphDir, { recursive: true, force: true });
  await rm(sourcesDir, { recursive: true, force: true });
  await mkdir(graphDir, { recursive: true });
  await mkdir(sourcesDir, { recursive: true });
  for (const [file, text] of synthetic.sourceTexts) await writeFile(path.join(sourcesDir, file), text);

  const { nodes, relations } = synthetic.graph;
  // One file per cited document, as the real seed has one file per source document.
  const nodesByDoc = new Map<string, NodeRecord[]>();
  const relationsByDoc = new Map<string, Omit<RelationRecord, 'id'>[]>();
  const docOf = (record: { readonly sources: readonly SourceRef[] }): string => {
    const [first] = record.sources;
    return first ? citedBy(first) : 'none';
  };
  for (const node of nodes) {
    const doc = docOf(node);
    let list = nodesByDoc.get(doc);
    if (!list) nodesByDoc.set(doc, (list = []));
    list.push(inKeyOrder(node, NODE_KEYS.get(node.label)));
  }
  for (const { id: _id, ...relation } of relations) {
    const doc = docOf(relation);
    let list = relationsByDoc.get(doc);
    if (!list) relationsByDoc.set(doc, (list = []));
    list.push(inKeyOrder(relation, RELATION_KEYS.get(relation.type)));
  }
  let graphBytes = 0;
  for (const doc of [...new Set([...nodesByDoc.keys(), ...relationsByDoc.keys()])].sort()) {
    const name = `${doc.replace(/[^a-z0-9]+/gi, '-')}.json`;
    graphBytes += await writeJsonFile(path.join(graphDir, name), nodesByDoc.get(doc) ?? [], relationsByDoc.get(doc) ?? []);
  }
  return { dir, nodes: nodes.length, relations: relations.length, graphBytes };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { relations: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } } });
  const relations = Number(values.relations);
  if (!Number.isInteger(relations) || relations < 1000 || !values.out) {
    process.stderr.write('usage: npm run bench:seed -- --relations N (at least 1000) --out DIR\n');
    process.exitCode = 2;
    return;
  }
  const dir = path.resolve(values.out);
  const existing = await readdir(dir).catch(() => []);
  const foreign = existing.filter((name) => name !== 'graph' && name !== 'sources');
  if (foreign.length > 0) {
    process.stderr.write(`bench:seed: ${dir} holds other files (${foreign.slice(0, 3).join(', ')}); give an empty or seed folder\n`);
    process.exitCode = 1;
    return;
  }
  const written = await writeSeed(generateGraph(relations), dir);
  // --json: for the bench, which reads the last line of a child's output as its result.
  if (values.json) {
    process.stdout.write(`${JSON.stringify(written)}\n`);
    return;
  }
  process.stdout.write(
    `wrote ${written.nodes.toLocaleString('en')} nodes and ${written.relations.toLocaleString('en')} relations (${(written.graphBytes / 1e6).toFixed(1)} MB of JSON) to ${dir}\n` +
      `serve it with: SEED_DIR=${dir} npm start\n`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
