/**
 * Kuzu 0.11 (embedded Cypher engine, in-memory database) loaded with the same graph and
 * asked the same questions in Cypher, as the design notes advise: COPY from CSV files, one
 * node table `N(id, label, kind)` and one relationship table per relation type; BFS with
 * `* SHORTEST 1..k` (a bare `*1..k` enumerates every walk). Kuzu holds ids, labels, kinds
 * and the typed relations only, not the records' other properties nor their provenance.
 *
 * Peers follow the one peer-link definition of ontology.ts (default event kinds): Kuzu 0.11
 * ignores node predicates in a SHORTEST pattern's filter (`(r, n | WHERE n…)`: checked on a
 * five-node graph), and a roll-up or a learning link is a walk of another length than a
 * co-attendance, so `prepare` writes one more relationship table, ATTENDS, that the BFS
 * walks alone: a peer (City, Country) → an event of the peer kinds it attended in a role but
 * `showcased`; a city → such an event a person who LEADS it or WORKS_FOR it attended
 * (roll-up); and for each LEARNED_FROM between two peers, both → a node of its own
 * (label `PeerLink`), so that every peer hop is two ATTENDS relations. The other questions
 * walk the graph's own relation types only, never ATTENDS.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import kuzu, { type KuzuValue, type PreparedStatement } from 'kuzu';
import type { GraphData } from '../../src/domain/graph-document';
import { RELATION_TYPES } from '../../src/domain/ontology';
import { fingerprint } from './answers';
import type { Engine } from './engine';
import { peerAttendances } from './peer-attendances';

type Row = Record<string, KuzuValue>;

const PARTNER_TYPES = 'PARTNER_IN|RUNS|PARTNERS_WITH|MEMBER_OF';
/** Every relation type of the graph: what shortestPath and subgraph walk (not ATTENDS). */
const GRAPH_TYPES = RELATION_TYPES.join('|');

function kindOf(node: GraphData['nodes'][number]): string {
  return 'kind' in node ? node.kind : '';
}

export function kuzuEngine(): Engine {
  const database = new kuzu.Database(':memory:');
  const connection = new kuzu.Connection(database);
  let folder = '';
  const statements = new Map<string, PreparedStatement>();

  const rows = async (statement: string, parameters: Record<string, KuzuValue> = {}): Promise<Row[]> => {
    let prepared = statements.get(statement);
    if (!prepared) {
      prepared = await connection.prepare(statement);
      if (!prepared.isSuccess()) throw new Error(`kuzu: ${prepared.getErrorMessage()}\n${statement}`);
      statements.set(statement, prepared);
    }
    const result = await connection.execute(prepared, parameters);
    const single = Array.isArray(result) ? result[result.length - 1] : result;
    if (!single) throw new Error(`kuzu: no result for ${statement}`);
    const all = await single.getAll();
    single.close();
    return all;
  };
  const run = async (statement: string): Promise<void> => {
    const result = await connection.query(statement);
    for (const each of Array.isArray(result) ? result : [result]) each.close();
  };

  return {
    name: 'kuzu',
    prepare: async (graph) => {
      const started = performance.now();
      folder = await mkdtemp(path.join(os.tmpdir(), 'cities-kg-kuzu-'));
      const attendances = peerAttendances(graph);
      // One line each, every one ended: Kuzu reads a last line ending in an empty field short of a value.
      const csv = (lines: readonly string[]): string => lines.map((line) => `${line}\n`).join('');
      await writeFile(
        path.join(folder, 'nodes.csv'),
        csv([
          'id,label,kind',
          ...graph.nodes.map((node) => `${node.id},${node.label},${kindOf(node)}`),
          ...attendances.links.map((link) => `${link},PeerLink,`),
        ]),
      );
      for (const type of RELATION_TYPES) {
        const lines = ['from,to'];
        for (const relation of graph.relations) if (relation.type === type) lines.push(`${relation.from},${relation.to}`);
        await writeFile(path.join(folder, `${type}.csv`), csv(lines));
      }
      await writeFile(path.join(folder, 'ATTENDS.csv'), csv(['from,to', ...attendances.rows.map((row) => row.join(','))]));
      return { prepareMs: performance.now() - started };
    },
    load: async () => {
      await run('CREATE NODE TABLE N(id STRING, label STRING, kind STRING, PRIMARY KEY(id))');
      for (const type of [...RELATION_TYPES, 'ATTENDS']) await run(`CREATE REL TABLE ${type}(FROM N TO N)`);
      await run(`COPY N FROM '${path.join(folder, 'nodes.csv')}' (HEADER=true)`);
      for (const type of [...RELATION_TYPES, 'ATTENDS']) await run(`COPY ${type} FROM '${path.join(folder, `${type}.csv`)}' (HEADER=true)`);
    },
    peerNetwork: async (cityId, maxHops) => {
      // Peers and their events (or PeerLinks) alternate, so peers at k hops are 2k relations away.
      const found = await rows(
        `MATCH (a:N {id: $id})-[e:ATTENDS* SHORTEST 1..${2 * maxHops}]-(b:N)
         WHERE b.label IN ['City', 'Country'] AND b.id <> $id
         RETURN b.id AS id, length(e) / 2 AS hops`,
        { id: cityId },
      );
      return fingerprint(found.map((row) => `${String(row['id'])}:${Number(row['hops'])}`));
    },
    shortestPath: async (fromId, toId) => {
      if (fromId === toId) return '0';
      const found = await rows(`MATCH (a:N {id: $a})-[e:${GRAPH_TYPES}* SHORTEST 1..6]-(b:N {id: $b}) RETURN length(e) AS hops LIMIT 1`, {
        a: fromId,
        b: toId,
      });
      const [shortest] = found;
      return String(shortest ? Number(shortest['hops']) : -1);
    },
    sharedPartners: async (programmeIds) => {
      const found = await rows(
        `MATCH (a:N)-[:${PARTNER_TYPES}]-(o:N)-[:${PARTNER_TYPES}]-(b:N)
         WHERE a.id IN $ids AND b.id IN $ids AND a.id < b.id AND o.label = 'Organization' AND a.label = 'Programme' AND b.label = 'Programme'
         RETURN a.id AS a, b.id AS b, count(DISTINCT o.id) AS shared`,
        { ids: [...programmeIds] },
      );
      return fingerprint(found.map((row) => `${String(row['a'])}|${String(row['b'])}|${Number(row['shared'])}`));
    },
    subgraph: async (id) => {
      const found = await rows(
        `MATCH (a:N {id: $id})-[e:${GRAPH_TYPES}* SHORTEST 1..2]-(b:N) RETURN b.id AS id ORDER BY length(e), b.id LIMIT 499`,
        {
          id,
        },
      );
      return fingerprint([id, ...found.map((row) => String(row['id']))]);
    },
    close: async () => {
      await connection.close();
      await database.close();
      if (folder) await rm(folder, { recursive: true, force: true });
    },
  };
}
