/**
 * Internal. Every Cypher statement the Neo4j adapter can issue, in this one module, so that
 * `test/unit/neo4j-cypher-lint.test.ts` can run each one through Neo4j's own semantic
 * analyser with the ontology as the schema (`allStatements()` lists them all).
 *
 * Values always travel as parameters. The only things placed in the text are labels and
 * relation types, and only after `checkedLabel` / `checkedType` have found them in the
 * ontology's closed lists, plus the fixed index and constraint names below. The text targets
 * Cypher 5 on Neo4j 5.26 LTS (the `CALL () { … }` scope clause needs 5.23 or later).
 */
import {
  CONFIDENCE_LEVELS,
  meetsConfidence,
  NODE_LABELS,
  PARTNER_RELATION_TYPES,
  RELATION_ENDPOINTS,
  RELATION_TYPES,
  type Confidence,
  type NodeLabel,
  type RelationType,
} from '../../domain/ontology';
import { InvalidArgumentError, MAX_HOPS, SHORTEST_PATH_TIE_CAP, type Direction, type Projection } from '../GraphStore';

export interface CypherStatement {
  /** Stable name, for logs, transaction metadata and the lint report. */
  readonly name: string;
  readonly text: string;
  /** Every `$parameter` the text uses; the executor refuses to run with any other set. */
  readonly parameters: readonly string[];
}

/** Properties the adapter stores beside the ontology's own (provenance and search keys). */
export const STORE_PROPERTY_KEYS = [
  'sourceDocs',
  'sourceQuotes',
  /** Folded copies of the names (`foldForSearch`), indexed by the full-text indexes. */
  'searchName',
  'searchNameAr',
  'searchAliases',
  /** Folded whole names, aliases, acronym and code: the exact-match test of `search`. */
  'searchKeys',
] as const;

/**
 * Keys of the `$rows` maps merge statements read (`row.from`): Neo4j's analyser checks map
 * keys in patterns like property keys, so the lint schema declares them too.
 */
export const ROW_KEYS = ['id', 'from', 'to', 'props'] as const;

/**
 * Full-text index with the standard analyser (tokenises and lower-cases, keeps stop words,
 * never stems) over the folded names in both scripts. The folded Arabic name is here too:
 * the Arabic analyser stems indexed terms but Lucene does not stem prefix and fuzzy clauses,
 * so a prefix such as الشر (of الشرق) only matches the unstemmed terms of this index.
 * (It replaced `cities_kg_names_latin`, which had no Arabic; drop that one after upgrading.)
 */
export const STANDARD_NAME_INDEX = 'cities_kg_names_standard';
/** Full-text index over Arabic names with Lucene's Arabic analyser (normalises and stems). */
export const ARABIC_NAME_INDEX = 'cities_kg_names_arabic';

/** The label, after checking it against the ontology (never trust a caller's string). */
export function checkedLabel(label: string): NodeLabel {
  const found = NODE_LABELS.find((each) => each === label);
  if (found === undefined) {
    throw new InvalidArgumentError(`label ${JSON.stringify(label)} is not in the ontology; use one of ${NODE_LABELS.join(', ')}`);
  }
  return found;
}

/** The relation type, after checking it against the ontology. */
export function checkedType(type: string): RelationType {
  const found = RELATION_TYPES.find((each) => each === type);
  if (found === undefined) {
    throw new InvalidArgumentError(`relation type ${JSON.stringify(type)} is not in the ontology; use one of ${RELATION_TYPES.join(', ')}`);
  }
  return found;
}

/**
 * The relation types a traversal follows: the asked ones, checked, or every type of the
 * ontology when none are asked. Never "any type": in a database shared with other data a
 * walk over every relationship reaches foreign nodes.
 */
export function typesToFollow(types: readonly string[] | undefined): readonly RelationType[] {
  return types !== undefined && types.length > 0 ? [...new Set(types.map(checkedType))] : RELATION_TYPES;
}

/** The `$confidences` parameter of a `minConfidence` (every level when there is none). */
export function confidencesAtLeast(minimum: Confidence | undefined): Confidence[] {
  return CONFIDENCE_LEVELS.filter((level) => minimum === undefined || meetsConfidence(level, minimum));
}

function statement(name: string, text: string, parameters: readonly string[]): CypherStatement {
  return { name, text: text.trim(), parameters };
}

const ALL_LABELS_EXPRESSION = (): string => NODE_LABELS.map(checkedLabel).join('|');
const ALL_TYPES_EXPRESSION = (): string => RELATION_TYPES.map(checkedType).join('|');
const ALL_TYPES_LIST = (): string => `[${RELATION_TYPES.map((type) => `'${checkedType(type)}'`).join(', ')}]`;
const ALL_LABELS_LIST = (): string => `[${NODE_LABELS.map((label) => `'${checkedLabel(label)}'`).join(', ')}]`;

/** `UNION ALL` of one index seek per label: ids carry no label, and a label-less match scans. */
function perLabelUnion(branch: (label: NodeLabel) => string): string {
  return NODE_LABELS.map((label) => branch(checkedLabel(label))).join('\nUNION ALL\n');
}

/** A subquery binding `variable` to the nodes whose id matches `condition` (e.g. `IN $ids`). */
function lookUpById(variable: string, condition: string): string {
  return `CALL () {\n${perLabelUnion((label) => `  MATCH (${variable}:${label}) WHERE ${variable}.id ${condition} RETURN ${variable}`)}\n}`;
}

/** The node's ontology label (nodes carry exactly one). */
const labelOf = (variable: string): string => `head([label IN labels(${variable}) WHERE label IN ${ALL_LABELS_LIST()}])`;

/** Relation types that make an organisation a partner of what it touches (GraphStore.commonPartners). */
const PARTNER_TYPES_EXPRESSION = (): string => PARTNER_RELATION_TYPES.map(checkedType).join('|');

/** Longest traversal a statement is built for; `MAX_HOPS` of the port. */
const traversalBound = (hops: number): number => {
  if (!Number.isInteger(hops) || hops < 1 || hops > MAX_HOPS) {
    throw new InvalidArgumentError(`hops must be between 1 and ${MAX_HOPS}, got ${hops}`);
  }
  return hops;
};

// ---------------------------------------------------------------------------------------
// Health and schema

export const PING = statement('ping', 'RETURN 1 AS ok', []);

export function uniqueIdConstraint(label: NodeLabel): CypherStatement {
  const checked = checkedLabel(label);
  return statement(
    `schema.unique-id.${checked}`,
    `CREATE CONSTRAINT ${uniqueIdConstraintName(checked)} IF NOT EXISTS FOR (n:${checked}) REQUIRE n.id IS UNIQUE`,
    [],
  );
}

// IF NOT EXISTS keeps an existing index as it is: after adding a label to the ontology, drop
// these two indexes (DROP INDEX cities_kg_names_standard) and restart so they cover it.
export const CREATE_STANDARD_NAME_INDEX = statement(
  'schema.fulltext.standard',
  `
CREATE FULLTEXT INDEX ${STANDARD_NAME_INDEX} IF NOT EXISTS
FOR (n:${ALL_LABELS_EXPRESSION()}) ON EACH [n.searchName, n.searchNameAr, n.searchAliases]
OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-no-stop-words' } }`,
  [],
);

export const CREATE_ARABIC_NAME_INDEX = statement(
  'schema.fulltext.arabic',
  `
CREATE FULLTEXT INDEX ${ARABIC_NAME_INDEX} IF NOT EXISTS
FOR (n:${ALL_LABELS_EXPRESSION()}) ON EACH [n.searchNameAr, n.searchAliases]
OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'arabic' } }`,
  [],
);

/**
 * The name, kind, state and schema of every index (and which constraint owns it): readiness
 * (every index the adapter needs ONLINE) and the check for a plain index that stops a
 * uniqueness constraint from being created (`schema-state.ts`).
 */
export const INDEX_STATES = statement(
  'schema.index-states',
  `
SHOW INDEXES YIELD name, type, state, populationPercent, labelsOrTypes, properties, owningConstraint
RETURN name, type, state, populationPercent, labelsOrTypes, properties, owningConstraint`,
  [],
);

/** The name of the uniqueness constraint on `id` of a label (its backing index has the same name). */
export const uniqueIdConstraintName = (label: NodeLabel): string => `cities_kg_${checkedLabel(label).toLowerCase()}_id`;

/** Waits until new indexes are online, so the first search after start sees every node. */
export const AWAIT_INDEXES = statement('schema.await-indexes', 'CALL db.awaitIndexes($timeoutSeconds)', ['timeoutSeconds']);

// ---------------------------------------------------------------------------------------
// Reads

/** The label of each existing node among `$ids` (the pre-flight check of a merge). */
// EXPLAIN: Union of one NodeUniqueIndexSeek per label (n.id IN $ids), no label scan.
export const FIND_NODE_LABELS = statement(
  'find-node-labels',
  perLabelUnion((label) => `MATCH (n:${label}) WHERE n.id IN $ids RETURN n.id AS id, '${label}' AS label`),
  ['ids'],
);

// EXPLAIN: Union of one NodeUniqueIndexSeek per label, Projection.
export const GET_NODES = statement(
  'get-nodes',
  perLabelUnion((label) => `MATCH (n:${label}) WHERE n.id IN $ids RETURN '${label}' AS label, properties(n) AS props`),
  ['ids'],
);

/**
 * A page of one label after `$after` ('' for the first page), with the label's total.
 * EXPLAIN: NodeIndexSeekByRange (n.id > $after, ordered by the index: no Sort), Limit,
 * EagerAggregation; the total from the count store (NodeCountFromCountStore).
 */
export function listNodes(label: NodeLabel): CypherStatement {
  const checked = checkedLabel(label);
  return statement(
    `list-nodes.${checked}`,
    `
MATCH (n:${checked})
WHERE n.id > $after
WITH n ORDER BY n.id ASC LIMIT $limit
WITH collect(properties(n)) AS page
RETURN page, COUNT { MATCH (c:${checked}) } AS total`,
    ['after', 'limit'],
  );
}

export interface LinkedFilter {
  readonly type: RelationType;
  /** OUT: the listed node's relation points to the anchor; IN: from the anchor. */
  readonly direction: Exclude<Direction, 'BOTH'>;
  readonly anchorLabel: NodeLabel;
}

/** Whether the ontology allows this filter at all (if not, the page is empty without asking). */
export function isLinkedFilterAllowed(label: NodeLabel, filter: LinkedFilter): boolean {
  const ends = RELATION_ENDPOINTS[filter.type];
  return filter.direction === 'OUT'
    ? ends.from.includes(label) && ends.to.includes(filter.anchorLabel)
    : ends.to.includes(label) && ends.from.includes(filter.anchorLabel);
}

/**
 * A page of one label, keeping nodes with a relation of a type to (or from) `$anchorId`.
 * EXPLAIN: NodeUniqueIndexSeek (anchor), Expand(All) of one type, Filter, Distinct, Top.
 */
export function listLinkedNodes(label: NodeLabel, filter: LinkedFilter): CypherStatement {
  const checked = checkedLabel(label);
  const type = checkedType(filter.type);
  const anchor = checkedLabel(filter.anchorLabel);
  const arrow = filter.direction === 'OUT' ? `<-[:${type}]-` : `-[:${type}]->`;
  return statement(
    `list-nodes.${checked}.${filter.direction}.${type}.${anchor}`,
    `
MATCH (anchor:${anchor} {id: $anchorId})${arrow}(n:${checked})
WHERE n.id > $after
WITH DISTINCT n ORDER BY n.id ASC LIMIT $limit
WITH collect(properties(n)) AS page
RETURN page, COUNT { MATCH (a:${anchor} {id: $anchorId})${arrow}(c:${checked}) } AS total`,
    ['anchorId', 'after', 'limit'],
  );
}

/** Every (label, filter) pair the ontology allows: the `listLinkedNodes` statements that exist. */
export function allowedLinkedFilters(): readonly { readonly label: NodeLabel; readonly filter: LinkedFilter }[] {
  return RELATION_TYPES.flatMap((type) => {
    const ends = RELATION_ENDPOINTS[type];
    const out = ends.from.flatMap((label) =>
      ends.to.map((anchorLabel) => ({ label, filter: { type, direction: 'OUT' as const, anchorLabel } })),
    );
    const into = ends.to.flatMap((label) =>
      ends.from.map((anchorLabel) => ({ label, filter: { type, direction: 'IN' as const, anchorLabel } })),
    );
    return [...out, ...into];
  });
}

/**
 * The confidence test of a relation `r`: `$confidences` lists the levels kept (every level
 * when no minimum is asked, `confidencesAtLeast`); one stored without a confidence is STATED.
 */
const CONFIDENCE_KEPT = (variable: string): string => `coalesce(${variable}.confidence, 'STATED') IN $confidences`;

/** The other end must carry an ontology label: a database shared with other data may link to foreign nodes. */
const RELATION_PATTERN: Readonly<Record<Direction, () => string>> = {
  OUT: () => `(n)-[r]->(:${ALL_LABELS_EXPRESSION()})`,
  IN: () => `(n)<-[r]-(:${ALL_LABELS_EXPRESSION()})`,
  BOTH: () => `(n)-[r]-(:${ALL_LABELS_EXPRESSION()})`,
};

/**
 * Relations touching `$ids`, of the types in `$types` (`typesToFollow`: never empty) and the
 * confidence levels in `$confidences`, each once.
 * EXPLAIN: Union of NodeUniqueIndexSeek per label, Expand(All), Filter (type, label), Distinct, Sort.
 */
export function getRelations(direction: Direction): CypherStatement {
  return statement(
    `get-relations.${direction}`,
    `
${lookUpById('n', 'IN $ids')}
MATCH ${RELATION_PATTERN[direction]()}
WHERE type(r) IN $types AND ${CONFIDENCE_KEPT('r')}
WITH DISTINCT r
RETURN type(r) AS relType, startNode(r).id AS fromId, endNode(r).id AS toId, properties(r) AS props
ORDER BY relType ASC, fromId ASC, toId ASC`,
    ['ids', 'types', 'confidences'],
  );
}

/** How many relations `getRelations(direction)` would return. EXPLAIN: as getRelations, then EagerAggregation. */
export function countRelations(direction: Direction): CypherStatement {
  return statement(
    `count-relations.${direction}`,
    `
${lookUpById('n', 'IN $ids')}
MATCH ${RELATION_PATTERN[direction]()}
WHERE type(r) IN $types AND ${CONFIDENCE_KEPT('r')}
RETURN count(DISTINCT r) AS total`,
    ['ids', 'types', 'confidences'],
  );
}

/**
 * Full-text search over both name indexes. `$allTerms` requires every query term, `$anyTerm`
 * any of them; like the memory store, hits matching only some terms are kept only when no
 * hit matches them all. Exact matches (`$key` among the folded whole names) come first.
 *
 * One row: `found` (best first, at most `$first`) and `cut`, whether any index call handed
 * over all `$candidates` it was allowed (so hits of the asked labels may lie beyond the cut:
 * the adapter asks again with more candidates).
 * EXPLAIN: Union of four ProcedureCall (db.index.fulltext.queryNodes), EagerAggregation,
 * Apply over Unwind + EagerAggregation + Top.
 */
export const SEARCH = statement(
  'search',
  `
CALL () {
  CALL db.index.fulltext.queryNodes('${STANDARD_NAME_INDEX}', $allTerms, {limit: $candidates}) YIELD node, score
  RETURN node, score, 1 AS allTerms, 0 AS branch
  UNION ALL
  CALL db.index.fulltext.queryNodes('${ARABIC_NAME_INDEX}', $allTerms, {limit: $candidates}) YIELD node, score
  RETURN node, score, 1 AS allTerms, 1 AS branch
  UNION ALL
  CALL db.index.fulltext.queryNodes('${STANDARD_NAME_INDEX}', $anyTerm, {limit: $candidates}) YIELD node, score
  RETURN node, score, 0 AS allTerms, 2 AS branch
  UNION ALL
  CALL db.index.fulltext.queryNodes('${ARABIC_NAME_INDEX}', $anyTerm, {limit: $candidates}) YIELD node, score
  RETURN node, score, 0 AS allTerms, 3 AS branch
}
WITH collect({node: node, score: score, allTerms: allTerms, branch: branch}) AS raw
WITH raw, any(b IN [0, 1, 2, 3] WHERE size([candidate IN raw WHERE candidate.branch = b]) >= $candidates) AS cut
CALL (raw) {
  UNWIND raw AS candidate
  WITH candidate.node AS node, max(candidate.score) AS score, max(candidate.allTerms) AS allTerms
  WITH node, score, allTerms, ${labelOf('node')} AS label
  WHERE label IS NOT NULL AND (size($labels) = 0 OR label IN $labels)
  WITH collect({node: node, label: label, score: score, allTerms: allTerms}) AS hits
  WITH hits, any(hit IN hits WHERE hit.allTerms = 1) AS someMatchAll
  UNWIND hits AS hit
  WITH hit WHERE hit.allTerms = 1 OR NOT someMatchAll
  WITH hit.node AS node, hit.label AS label, hit.score AS score, $key IN hit.node.searchKeys AS exact
  ORDER BY exact DESC, score DESC, node.id ASC
  LIMIT $first
  RETURN collect({label: label, props: properties(node), score: score, exact: exact}) AS found
}
RETURN found, cut`,
  ['allTerms', 'anyTerm', 'candidates', 'labels', 'key', 'first'],
);

/** Counts per label and per type, from Neo4j's count store (no scan). EXPLAIN: NodeCountFromCountStore, RelationshipCountFromCountStore. */
export const COUNTS = statement(
  'counts',
  `
RETURN {${NODE_LABELS.map((label) => `${checkedLabel(label)}: COUNT { MATCH (n:${checkedLabel(label)}) }`).join(', ')}} AS byLabel,
       {${RELATION_TYPES.map((type) => `${checkedType(type)}: COUNT { MATCH ()-[r:${checkedType(type)}]->() }`).join(', ')}} AS byType`,
  [],
);

/**
 * One page of a label for `dumpGraph`: the next `$limit` nodes after `$after` by id, each with
 * the ontology relations it starts. Pages keep every transaction small, whatever the graph's size.
 * EXPLAIN: NodeIndexSeekByRange on the id constraint's index (ordered, so no Sort), Limit,
 * Apply over Expand(All) + Filter.
 */
export function dumpPage(label: NodeLabel): CypherStatement {
  const checked = checkedLabel(label);
  return statement(
    `dump-page.${checked}`,
    `
MATCH (n:${checked})
WHERE n.id > $after
WITH n ORDER BY n.id ASC LIMIT $limit
CALL (n) {
  OPTIONAL MATCH (n)-[r:${ALL_TYPES_EXPRESSION()}]->(b:${ALL_LABELS_EXPRESSION()})
  RETURN collect({relType: type(r), fromId: n.id, toId: b.id, props: properties(r)}) AS rels
}
RETURN properties(n) AS props, rels`,
    ['after', 'limit'],
  );
}

// ---------------------------------------------------------------------------------------
// Traversal and analytics (semantics as in src/store/memory/traversal/)

/**
 * Organisations linked by a partner relation, either way, to every one of `$ids` (distinct).
 * EXPLAIN: Union of NodeUniqueIndexSeek per label, Expand(All) of the partner types, Filter, EagerAggregation.
 */
export const COMMON_PARTNERS = statement(
  'common-partners',
  `
${lookUpById('n', 'IN $ids')}
MATCH (n)-[:${PARTNER_TYPES_EXPRESSION()}]-(o:Organization)
WITH o, count(DISTINCT n) AS linked
WHERE linked = size($ids)
RETURN o.id AS id
ORDER BY id ASC`,
  ['ids'],
);

/** Programme pairs sharing partners (`$programmeIds` null for all), by Jaccard, shared count, ids. */
export const SHARED_PARTNERS = statement(
  'shared-partners',
  `
MATCH (a:Programme)-[:${PARTNER_TYPES_EXPRESSION()}]-(o:Organization)-[:${PARTNER_TYPES_EXPRESSION()}]-(b:Programme)
WHERE a.id < b.id AND ($programmeIds IS NULL OR (a.id IN $programmeIds AND b.id IN $programmeIds))
WITH a, b, collect(DISTINCT o.id) AS shared
WHERE size(shared) >= $minShared
CALL (a) {
  MATCH (a)-[:${PARTNER_TYPES_EXPRESSION()}]-(x:Organization)
  RETURN count(DISTINCT x) AS partnersOfA
}
CALL (b) {
  MATCH (b)-[:${PARTNER_TYPES_EXPRESSION()}]-(y:Organization)
  RETURN count(DISTINCT y) AS partnersOfB
}
WITH a.id AS programmeA, b.id AS programmeB, shared,
     toFloat(size(shared)) / (partnersOfA + partnersOfB - size(shared)) AS jaccard
RETURN programmeA, programmeB, shared, jaccard
ORDER BY jaccard DESC, size(shared) DESC, programmeA ASC, programmeB ASC
LIMIT $first`,
  ['programmeIds', 'minShared', 'first'],
);

/**
 * Peers of `$cityId` within `maxHops` co-participations in events of `$eventKinds`: hops by a
 * shortest search over (participant)->(event)<-(City or Country) steps, and as `via` every
 * such event shared with a node one hop closer.
 */
export function peerNetwork(maxHops: number): CypherStatement {
  const hops = traversalBound(maxHops);
  return statement(
    `peer-network.${hops}`,
    `
${lookUpById('s', '= $cityId')}
MATCH p = SHORTEST 1 (s) (()-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b)
  WHERE e.kind IN $eventKinds AND (b:City OR b:Country)){1,${hops}} (peer)
WHERE peer <> s
WITH s, peer, min(length(p) / 2) AS hops
WITH s, collect({node: peer, hops: hops}) AS reached
WITH reached, [{node: s, hops: 0}] + reached AS levels
UNWIND reached AS hit
WITH hit.node AS peer, hit.hops AS hops, levels
MATCH (peer)-[:PARTICIPATED_IN]->(event:Event)<-[:PARTICIPATED_IN]-(closer)
WHERE event.kind IN $eventKinds AND any(level IN levels WHERE level.node = closer AND level.hops = hops - 1)
RETURN peer.id AS id, hops, collect(DISTINCT event.id) AS via
ORDER BY hops ASC, id ASC`,
    ['cityId', 'eventKinds'],
  );
}

/** The element id of the node with id `$id`, sought under the one label its id names. */
export function findElementId(label: NodeLabel): CypherStatement {
  const checked = checkedLabel(label);
  // EXPLAIN: NodeUniqueIndexSeek(Locking) on the id constraint's index, one row.
  return statement(`find-element-id.${checked}`, `MATCH (n:${checked} {id: $id}) RETURN elementId(n) AS elementId`, ['id']);
}

/** One step of a traversal over the ontology only: a relation of `$types` to a node of an ontology label. */
const ontologyStep = (relation: string): string => `(()-[${relation}]-(:${ALL_LABELS_EXPRESSION()}) WHERE type(r) IN $types)`;

/**
 * One shortest undirected path of at most `maxHops` relations of `$types` (the caller passes
 * the ontology's types when none are asked, so foreign relations are never followed), between
 * the nodes of two element ids (`findElementId`: each end sought under its own label first,
 * so the planner sees both ends as one row each and can search from both sides).
 *
 * Tie rule (GraphStore.shortestPath): `SHORTEST 1` finds the length with a bidirectional
 * search; then up to SHORTEST_PATH_TIE_CAP paths of exactly that length are ranked by their
 * relation ids. The fixed-length branch guarded by the found length keeps the second search
 * from looking for longer paths when there are fewer ties than the cap.
 *
 * EXPLAIN: NodeByElementIdSeek (a), NodeByElementIdSeek (b), then Apply over
 * StatefulShortestPath(Into) (SHORTEST 1), then Apply over a Union of Filter(hops = k) →
 * StatefulShortestPath(Into) (SHORTEST ${SHORTEST_PATH_TIE_CAP}), Top(1).
 */
export function shortestPath(maxHops: number): CypherStatement {
  const hops = traversalBound(maxHops);
  const tieBranches = Array.from({ length: hops }, (_, index) => index + 1).map(
    (length) => `  WITH a, b, hops WHERE hops = ${length}
  MATCH p = SHORTEST ${SHORTEST_PATH_TIE_CAP} (a) ${ontologyStep('r')}{${length}} (b)
  RETURN p`,
  );
  return statement(
    `shortest-path.${hops}`,
    `
MATCH (a) WHERE elementId(a) = $fromElementId
MATCH (b) WHERE elementId(b) = $toElementId
CALL (a, b) {
  MATCH p = SHORTEST 1 (a) ${ontologyStep('r')}{1,${hops}} (b)
  RETURN length(p) AS hops
}
CALL (a, b, hops) {
${tieBranches.join('\n  UNION ALL\n')}
}
WITH p ORDER BY [rel IN relationships(p) | rel.id] ASC LIMIT 1
RETURN [n IN nodes(p) | n.id] AS nodeIds,
       [rel IN relationships(p) | {relType: type(rel), fromId: startNode(rel).id, toId: endNode(rel).id, props: properties(rel)}] AS rels`,
    ['fromElementId', 'toElementId', 'types'],
  );
}

/**
 * Subgraph, level by level (the loop is `Neo4jGraphStore.subgraph`, all in one read
 * transaction): the start nodes, then one statement per depth that takes the frontier in,
 * makes one hop, drops the nodes already kept and keeps the smallest ids that there is room
 * for (plus one, to tell that the cut happened), then the kept nodes and the relations among
 * them. Truncation costs one hop of the frontier per level, never the whole depth-N
 * neighbourhood. Nodes travel between the statements as element ids (a seek each).
 */

/** The nodes among `$ids` that exist, with their element ids. EXPLAIN: Union of NodeUniqueIndexSeek per label. */
export const SUBGRAPH_START = statement(
  'subgraph-start',
  `
${lookUpById('n', 'IN $ids')}
RETURN elementId(n) AS elementId, n.id AS id
ORDER BY id ASC`,
  ['ids'],
);

const STEP_PATTERN: Readonly<Record<Direction, string>> = {
  OUT: '(f)-[r]->(n:LABELS)',
  IN: '(f)<-[r]-(n:LABELS)',
  BOTH: '(f)-[r]-(n:LABELS)',
};

/**
 * One hop from the frontier `$frontier` (element ids) over relations of `$types` and
 * the levels in `$confidences`, to nodes of
 * the ontology not among `$visited` (element ids), the `$room` smallest ids.
 * EXPLAIN: NodeByElementIdSeek (f), Expand(All), Filter, Distinct, Top(n.id, $room).
 */
export function subgraphStep(direction: Direction): CypherStatement {
  return statement(
    `subgraph-step.${direction}`,
    `
MATCH (f) WHERE elementId(f) IN $frontier
MATCH ${STEP_PATTERN[direction].replace('LABELS', ALL_LABELS_EXPRESSION())}
WHERE type(r) IN $types AND ${CONFIDENCE_KEPT('r')} AND NOT elementId(n) IN $visited
WITH DISTINCT n
ORDER BY n.id ASC
LIMIT $room
RETURN elementId(n) AS elementId, n.id AS id`,
    ['frontier', 'types', 'confidences', 'visited', 'room'],
  );
}

/**
 * The kept nodes (`$kept`, element ids) with their labels and properties, each with the
 * relations of `$types` and `$confidences` it starts among the kept nodes.
 * EXPLAIN: NodeByElementIdSeek (n), Apply over Expand(All) + Filter, EagerAggregation.
 */
export const SUBGRAPH_NODES = statement(
  'subgraph-nodes',
  `
MATCH (n) WHERE elementId(n) IN $kept
CALL (n) {
  OPTIONAL MATCH (n)-[r]->(b)
  WHERE elementId(b) IN $kept AND type(r) IN $types AND ${CONFIDENCE_KEPT('r')}
  RETURN collect({relType: type(r), fromId: n.id, toId: b.id, props: properties(r)}) AS rels
}
RETURN ${labelOf('n')} AS label, properties(n) AS props, rels`,
  ['kept', 'types', 'confidences'],
);

/**
 * For `$cityId`, every other city sharing something with it (a partner, a commitment its
 * programmes advance, an event, a programme kind), with how many cities hold each shared
 * item; cities met in an exchange and PART_OF neighbours left out. Scored in the adapter.
 */
export const SIMILAR_CITIES = statement(
  'similar-cities',
  `
MATCH (me:City {id: $cityId})
MATCH (c:City)
CALL (c) {
  MATCH (c)-[:${PARTNER_TYPES_EXPRESSION()}]-(o:Organization)
  RETURN 'PARTNER' AS reason, o.id AS value
  UNION
  MATCH (c)-[:RUNS|TAKES_PART_IN]->(:Programme)-[:${PARTNER_TYPES_EXPRESSION()}]-(o:Organization)
  RETURN 'PARTNER' AS reason, o.id AS value
  UNION
  MATCH (c)-[:RUNS|TAKES_PART_IN]->(:Programme)-[:ADVANCES]->(commitment)
  RETURN 'COMMITMENT' AS reason, commitment.id AS value
  UNION
  MATCH (c)-[:PARTICIPATED_IN]->(event)
  RETURN 'EVENT' AS reason, event.id AS value
  UNION
  MATCH (c)-[:RUNS|TAKES_PART_IN]->(programme:Programme)
  RETURN 'PROGRAMME_KIND' AS reason, programme.kind AS value
}
WITH me, reason, value, collect(DISTINCT c) AS holders
WHERE me IN holders
UNWIND holders AS candidate
WITH me, candidate, reason, value, size(holders) AS holderCount
WHERE candidate <> me
  AND NOT EXISTS { MATCH (me)-[:PART_OF]-(candidate) }
  AND NOT EXISTS { MATCH (me)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(candidate) WHERE e.kind = $exchangeKind }
RETURN candidate.id AS cityId, collect({reason: reason, value: value, holders: holderCount}) AS shared`,
  ['cityId', 'exchangeKind'],
);

/** Rows of edges from `(a)-[r]->(b)`: the pair with the smaller id as source, weighted by its relations. */
const orderedPair = (): string => `WITH CASE WHEN a.id < b.id THEN a ELSE b END AS x, CASE WHEN a.id < b.id THEN b ELSE a END AS y, r
RETURN 'edge' AS kind, x.id AS source, ${labelOf('x')} AS sourceLabel, y.id AS target, ${labelOf('y')} AS targetLabel,
       count(r) AS weight`;

const PROJECTION_TEXT: Readonly<Record<Projection, () => string>> = {
  // Participants of peer events (even alone in one), and each pair weighted by events shared.
  EXCHANGE: () => `
MATCH (e:Event)<-[:PARTICIPATED_IN]-(x)
WHERE e.kind IN $eventKinds AND (x:City OR x:Country)
WITH DISTINCT x
RETURN 'node' AS kind, x.id AS source, ${labelOf('x')} AS sourceLabel, null AS target, null AS targetLabel, 0 AS weight
UNION ALL
MATCH (a)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b)
WHERE e.kind IN $eventKinds AND (a:City OR a:Country) AND (b:City OR b:Country) AND a.id < b.id
RETURN 'edge' AS kind, a.id AS source, ${labelOf('a')} AS sourceLabel, b.id AS target, ${labelOf('b')} AS targetLabel,
       count(e) AS weight`,
  // Each relation matched once, in its own direction, then its pair put in id order.
  PARTNERSHIP: () => `
MATCH (a:${ALL_LABELS_EXPRESSION()})-[r:${PARTNER_TYPES_EXPRESSION()}]->(b:${ALL_LABELS_EXPRESSION()})
WHERE a <> b AND (a:Organization OR b:Organization)
${orderedPair()}`,
  ALL: () => `
MATCH (a:${ALL_LABELS_EXPRESSION()})-[r:${ALL_TYPES_EXPRESSION()}]->(b:${ALL_LABELS_EXPRESSION()})
WHERE a <> b
${orderedPair()}`,
};

/**
 * EXPLAIN (ALL, PARTNERSHIP): NodeByLabelScan per label, Expand(All) of the types, one direction
 * (each relation once), Filter, EagerAggregation. EXPLAIN (EXCHANGE): NodeByLabelScan (Event),
 * Filter (kind), Expand(All), EagerAggregation.
 */
/** An undirected weighted projection: `edge` rows (each pair once, source < target) and, for EXCHANGE, `node` rows. */
export function project(projection: Projection): CypherStatement {
  return statement(`project.${projection}`, PROJECTION_TEXT[projection](), projection === 'EXCHANGE' ? ['eventKinds'] : []);
}

// ---------------------------------------------------------------------------------------
// Writes

/**
 * Creates or replaces the nodes of one label, a batch of `$rows` (`{id, props}`) at a time.
 * `before` is read ahead of the MERGE so the statement can tell created from updated from
 * unchanged; `SET n = row.props` replaces the whole property map, so a property dropped
 * from the record is dropped from the node.
 */
// EXPLAIN: Unwind, Apply over NodeUniqueIndexSeek (old), Merge over(NodeUniqueIndexSeek(Locking)), SetProperties, EagerAggregation.
export function mergeNodes(label: NodeLabel): CypherStatement {
  const checked = checkedLabel(label);
  return statement(
    `merge-nodes.${checked}`,
    `
UNWIND $rows AS row
OPTIONAL MATCH (old:${checked} {id: row.id})
WITH row, properties(old) AS before
MERGE (n:${checked} {id: row.id})
SET n = row.props
RETURN count(*) AS written,
       sum(CASE WHEN before IS NULL THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN before IS NOT NULL AND before <> row.props THEN 1 ELSE 0 END) AS updated`,
    ['rows'],
  );
}

/**
 * Creates or replaces relations of one type between nodes of two labels, a batch of `$rows`
 * (`{id, from, to, props}`) at a time. Returns the ids it wrote, so the caller can tell a
 * vanished endpoint from success (and roll the batch back).
 */
// EXPLAIN: Unwind, two NodeUniqueIndexSeek (a, b), OptionalExpand(Into), Merge(Expand(Into)), SetProperties, EagerAggregation.
export function mergeRelations(type: RelationType, fromLabel: NodeLabel, toLabel: NodeLabel): CypherStatement {
  const checkedRelation = checkedType(type);
  const from = checkedLabel(fromLabel);
  const to = checkedLabel(toLabel);
  return statement(
    `merge-relations.${checkedRelation}.${from}.${to}`,
    `
UNWIND $rows AS row
MATCH (a:${from} {id: row.from})
MATCH (b:${to} {id: row.to})
OPTIONAL MATCH (a)-[old:${checkedRelation}]->(b)
WITH a, b, row, properties(old) AS before
MERGE (a)-[r:${checkedRelation}]->(b)
SET r = row.props
RETURN collect(row.id) AS written,
       sum(CASE WHEN before IS NULL THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN before IS NOT NULL AND before <> row.props THEN 1 ELSE 0 END) AS updated`,
    ['rows'],
  );
}

/** The relation statements that exist: one per (type, from label, to label) the ontology allows. */
export function allowedRelationEnds(): readonly {
  readonly type: RelationType;
  readonly fromLabel: NodeLabel;
  readonly toLabel: NodeLabel;
}[] {
  return RELATION_TYPES.flatMap((type) =>
    RELATION_ENDPOINTS[type].from.flatMap((fromLabel) => RELATION_ENDPOINTS[type].to.map((toLabel) => ({ type, fromLabel, toLabel }))),
  );
}

/**
 * Deletes the relation with id `$id` going out of node `$fromId` (its start node is found by
 * the per-label id index, then its relations are read, not every relation of the type).
 */
// EXPLAIN: Union of NodeUniqueIndexSeek per label, Expand(All) out of that one node, Filter (r.id), Delete.
export const REMOVE_RELATION = statement(
  'remove-relation',
  `
${lookUpById('n', '= $fromId')}
MATCH (n)-[r]->()
WHERE r.id = $id AND type(r) IN ${ALL_TYPES_LIST()}
DELETE r
RETURN count(*) AS removed`,
  ['fromId', 'id'],
);

/**
 * `clear` deletes in batches, relations first, so that no transaction holds a hub node and all
 * its relations at once (DETACH DELETE of a country linked to 100 000 cities would): relations
 * our nodes start, then relations into our nodes (from foreign ones), then the bare nodes.
 * EXPLAIN: NodeByLabelScan per label (Union), Expand(All), Limit, Delete.
 */
export const CLEAR_OUT_RELATIONS_BATCH = statement(
  'clear-batch.out-relations',
  `
MATCH (:${ALL_LABELS_EXPRESSION()})-[r]->()
WITH r LIMIT $batchSize
DELETE r
RETURN count(*) AS deleted`,
  ['batchSize'],
);

export const CLEAR_IN_RELATIONS_BATCH = statement(
  'clear-batch.in-relations',
  `
MATCH ()-[r]->(:${ALL_LABELS_EXPRESSION()})
WITH r LIMIT $batchSize
DELETE r
RETURN count(*) AS deleted`,
  ['batchSize'],
);

/** DETACH only for a relation written meanwhile; by now the nodes are bare. */
export const CLEAR_NODES_BATCH = statement(
  'clear-batch.nodes',
  `
MATCH (n:${ALL_LABELS_EXPRESSION()})
WITH n LIMIT $batchSize
DETACH DELETE n
RETURN count(*) AS deleted`,
  ['batchSize'],
);

// ---------------------------------------------------------------------------------------

const DIRECTIONS = ['OUT', 'IN', 'BOTH'] as const;
const HOP_BOUNDS = Array.from({ length: MAX_HOPS }, (_, index) => index + 1);
const PROJECTIONS = ['EXCHANGE', 'PARTNERSHIP', 'ALL'] as const;

/** Every concrete statement the adapter can issue (what the lint test checks). */
export function allStatements(): readonly CypherStatement[] {
  return [
    PING,
    ...NODE_LABELS.map(uniqueIdConstraint),
    CREATE_STANDARD_NAME_INDEX,
    CREATE_ARABIC_NAME_INDEX,
    AWAIT_INDEXES,
    INDEX_STATES,
    FIND_NODE_LABELS,
    GET_NODES,
    ...NODE_LABELS.map(listNodes),
    ...allowedLinkedFilters().map(({ label, filter }) => listLinkedNodes(label, filter)),
    ...DIRECTIONS.map(getRelations),
    ...DIRECTIONS.map(countRelations),
    SEARCH,
    COUNTS,
    ...NODE_LABELS.map(dumpPage),
    COMMON_PARTNERS,
    SHARED_PARTNERS,
    ...HOP_BOUNDS.map(peerNetwork),
    ...NODE_LABELS.map(findElementId),
    ...HOP_BOUNDS.map(shortestPath),
    SUBGRAPH_START,
    ...DIRECTIONS.map(subgraphStep),
    SUBGRAPH_NODES,
    SIMILAR_CITIES,
    ...PROJECTIONS.map(project),
    ...NODE_LABELS.map(mergeNodes),
    ...allowedRelationEnds().map(({ type, fromLabel, toLabel }) => mergeRelations(type, fromLabel, toLabel)),
    REMOVE_RELATION,
    CLEAR_OUT_RELATIONS_BATCH,
    CLEAR_IN_RELATIONS_BATCH,
    CLEAR_NODES_BATCH,
  ];
}
