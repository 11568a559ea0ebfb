/**
 * Writes a curation journal of N valid changes on the real seed, in the journal's first
 * layout (user_version 1: every row holds the whole entity before and after), with plain
 * SQL in one transaction. Every version of the service reads this layout (later ones
 * upgrade it once), so the same file measures the replay before and after a change.
 *
 * The mix: 35 % createNode (new cities), 30 % addRelation (IN_COUNTRY for those cities),
 * 25 % updateNode (renames of seed and curated cities, citing a source they already
 * have), 10 % removeRelation (relations added earlier). Quotes are seed quotes, verbatim.
 */
import Database from 'better-sqlite3';
import { relationId, type NodeRecord, type RelationRecord, type SourceRef } from '../../src/domain/graph-document';
import { validateGraph } from '../../src/domain/validate-graph';
import { readSeed } from '../../src/ingest/read-seed';
import { Rng } from '../synthetic/rng';

type Action = 'createNode' | 'updateNode' | 'addRelation' | 'removeRelation';

interface Row {
  readonly action: Action;
  readonly entityId: string;
  readonly change: unknown;
  readonly before: unknown;
  readonly after: unknown;
}

export async function writeV1Journal(file: string, entries: number): Promise<void> {
  const { graph } = validateGraph(await readSeed());
  const rng = new Rng(20_260_101);
  const sources: SourceRef[] = graph.nodes.flatMap((node) => node.sources);
  const countries = graph.nodes.filter((node) => node.label === 'Country').map((node) => node.id);
  const nodes = new Map<string, NodeRecord>(graph.nodes.filter((node) => node.label === 'City').map((node) => [node.id, node]));
  const seedCities = [...nodes.keys()];
  const curatedCities: string[] = [];
  const withoutCountry: string[] = [];
  const added: RelationRecord[] = [];

  const rows: Row[] = [];
  const createNode = (i: number): Row => {
    const node: NodeRecord = {
      id: `city:bench-${i}`,
      label: 'City',
      kind: 'city',
      name: `Bench Town ${i}`,
      nameAr: 'مدينة',
      sources: [rng.pick(sources)],
    };
    nodes.set(node.id, node);
    curatedCities.push(node.id);
    withoutCountry.push(node.id);
    return { action: 'createNode', entityId: node.id, change: { kind: 'createNode', node }, before: null, after: node };
  };
  for (let i = 0; i < entries; i += 1) {
    const slot = i % 20;
    if (slot < 7) rows.push(createNode(i));
    else if (slot < 13) {
      const from = withoutCountry.shift();
      if (from === undefined) {
        rows.push(createNode(i));
        continue;
      }
      const relation = {
        type: 'IN_COUNTRY' as const,
        from,
        to: rng.pick(countries),
        confidence: 'STATED' as const,
        sources: [rng.pick(sources)],
      };
      const record: RelationRecord = { ...relation, id: relationId(relation) };
      added.push(record);
      rows.push({ action: 'addRelation', entityId: record.id, change: { kind: 'addRelation', relation }, before: null, after: record });
    } else if (slot < 18) {
      const id = rng.chance(0.5) || curatedCities.length === 0 ? rng.pick(seedCities) : rng.pick(curatedCities);
      const before = nodes.get(id);
      const source = before?.sources[0];
      if (!before || !source) throw new Error(`no node with a source for ${id}`);
      const after: NodeRecord = { ...before, name: `Curated Name ${i}` };
      nodes.set(id, after);
      rows.push({
        action: 'updateNode',
        entityId: id,
        change: { kind: 'updateNode', id, set: { name: after.name }, source },
        before,
        after,
      });
    } else {
      const relation = added.length > 0 ? added.splice(rng.int(added.length), 1)[0] : undefined;
      if (relation === undefined) {
        rows.push(createNode(i));
        continue;
      }
      const change = { kind: 'removeRelation', id: relation.id, source: rng.pick(sources) };
      rows.push({ action: 'removeRelation', entityId: relation.id, change, before: relation, after: null });
    }
  }

  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(`
    CREATE TABLE changes (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      editor TEXT NOT NULL,
      action TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      change TEXT NOT NULL,
      before TEXT,
      after TEXT
    );
    CREATE INDEX changes_by_entity ON changes (entity_id, seq);
  `);
  const insert = db.prepare('INSERT INTO changes (at, editor, action, entity_id, change, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const start = Date.UTC(2026, 0, 1);
  db.transaction(() => {
    rows.forEach((row, i) =>
      insert.run(
        new Date(start + i * 1000).toISOString(),
        i % 3 === 0 ? 'carol' : 'alice',
        row.action,
        row.entityId,
        JSON.stringify(row.change),
        row.before === null ? null : JSON.stringify(row.before),
        row.after === null ? null : JSON.stringify(row.after),
      ),
    );
  })();
  db.pragma('user_version = 1');
  db.close();
}
