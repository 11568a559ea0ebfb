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
  NODE_LABELS,
  PARTNER_RELATION_TYPES,
  CITY_PROGRAMME_TYPES,
  DIRECT_PARTNER_TYPES,
  EVENT_PARTNER_TYPES,
  PEER_LABELS,
  PEER_LEARNING_RELATION_TYPE,
  PROGRAMME_PARTNER_TYPES,
  ROLL_UP_RELATION_TYPES,
  RELATION_ENDPOINTS,
  RELATION_TYPES,
  type NodeLabel,
  type RelationType,
} from '../../domain/ontology';
import { InvalidArgumentError, MAX_HOPS, type Direction, type Projection } from '../GraphStore';
import { filtersOf, LISTED_LABELS, REACH, type FilterPath, type ListedLabel, type ListOrder } from '../list-filters';

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

/** Full-text index over Latin-script names: tokenises and lower-cases, keeps stop words. */
export const LATIN_NAME_INDEX = 'cities_kg_names_latin';
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

/** Label test of a peer (ontology.ts PEER_LABELS). */
const isPeer = (variable: string): string => `(${PEER_LABELS.map((label) => `${variable}:${checkedLabel(label)}`).join(' OR ')})`;
const ROLL_UP_TYPES_EXPRESSION = (): string => ROLL_UP_RELATION_TYPES.map(checkedType).join('|');
/** A PARTICIPATED_IN relation `p` that says its start attended (ontology.ts isAttendingRole). */
const attends = (variable: string): string => `(${variable}.role IS NULL OR ${variable}.role IN $attendingRoles)`;

// ---------------------------------------------------------------------------------------
// Health and schema

export const PING = statement('ping', 'RETURN 1 AS ok', []);

export function uniqueIdConstraint(label: NodeLabel): CypherStatement {
  const checked = checkedLabel(label);
  return statement(
    `schema.unique-id.${checked}`,
    `CREATE CONSTRAINT cities_kg_${checked.toLowerCase()}_id IF NOT EXISTS FOR (n:${checked}) REQUIRE n.id IS UNIQUE`,
    [],
  );
}

// IF NOT EXISTS keeps an existing index as it is: after adding a label to the ontology, drop
// these two indexes (DROP INDEX cities_kg_names_latin) and restart so they cover it.
export const CREATE_LATIN_NAME_INDEX = statement(
  'schema.fulltext.latin',
  `
CREATE FULLTEXT INDEX ${LATIN_NAME_INDEX} IF NOT EXISTS
FOR (n:${ALL_LABELS_EXPRESSION()}) ON EACH [n.searchName, n.searchAliases]
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

/** Waits until new indexes are online, so the first search after start sees every node. */
export const AWAIT_INDEXES = statement('schema.await-indexes', 'CALL db.awaitIndexes($timeoutSeconds)', ['timeoutSeconds']);

// ---------------------------------------------------------------------------------------
// Reads

/** The label of each existing node among `$ids` (the pre-flight check of a merge). */
export const FIND_NODE_LABELS = statement(
  'find-node-labels',
  perLabelUnion((label) => `MATCH (n:${label}) WHERE n.id IN $ids RETURN n.id AS id, '${label}' AS label`),
  ['ids'],
);

export const GET_NODES = statement(
  'get-nodes',
  perLabelUnion((label) => `MATCH (n:${label}) WHERE n.id IN $ids RETURN '${label}' AS label, properties(n) AS props`),
  ['ids'],
);

/** A page of one label after `$after` ('' for the first page), with the label's total. */
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

/** A page of one label, keeping nodes with a relation of a type to (or from) `$anchorId`. */
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

const RELATION_PATTERN: Readonly<Record<Direction, string>> = {
  OUT: '(n)-[r]->()',
  IN: '(n)<-[r]-()',
  BOTH: '(n)-[r]-()',
};

/** Relations touching `$ids`, of the types in `$types` (all when empty), each once. */
export function getRelations(direction: Direction): CypherStatement {
  return statement(
    `get-relations.${direction}`,
    `
${lookUpById('n', 'IN $ids')}
MATCH ${RELATION_PATTERN[direction]}
WHERE size($types) = 0 OR type(r) IN $types
WITH DISTINCT r
RETURN type(r) AS relType, startNode(r).id AS fromId, endNode(r).id AS toId, properties(r) AS props
ORDER BY relType ASC, fromId ASC, toId ASC`,
    ['ids', 'types'],
  );
}

/** How many relations `getRelations(direction)` would return. */
export function countRelations(direction: Direction): CypherStatement {
  return statement(
    `count-relations.${direction}`,
    `
${lookUpById('n', 'IN $ids')}
MATCH ${RELATION_PATTERN[direction]}
WHERE size($types) = 0 OR type(r) IN $types
RETURN count(DISTINCT r) AS total`,
    ['ids', 'types'],
  );
}

/**
 * Full-text search over both name indexes. `$allTerms` requires every query term, `$anyTerm`
 * any of them; like the memory store, hits matching only some terms are kept only when no
 * hit matches them all. Exact matches (`$key` among the folded whole names) come first.
 */
export const SEARCH = statement(
  'search',
  `
CALL () {
  CALL db.index.fulltext.queryNodes('${LATIN_NAME_INDEX}', $allTerms, {limit: $candidates}) YIELD node, score
  RETURN node, score, 1 AS allTerms
  UNION ALL
  CALL db.index.fulltext.queryNodes('${ARABIC_NAME_INDEX}', $allTerms, {limit: $candidates}) YIELD node, score
  RETURN node, score, 1 AS allTerms
  UNION ALL
  CALL db.index.fulltext.queryNodes('${LATIN_NAME_INDEX}', $anyTerm, {limit: $candidates}) YIELD node, score
  RETURN node, score, 0 AS allTerms
  UNION ALL
  CALL db.index.fulltext.queryNodes('${ARABIC_NAME_INDEX}', $anyTerm, {limit: $candidates}) YIELD node, score
  RETURN node, score, 0 AS allTerms
}
WITH node, max(score) AS score, max(allTerms) AS allTerms
WITH node, score, allTerms, head([label IN labels(node) WHERE label IN ${ALL_LABELS_LIST()}]) AS label
WHERE label IS NOT NULL AND (size($labels) = 0 OR label IN $labels)
WITH collect({node: node, label: label, score: score, allTerms: allTerms}) AS hits
WITH hits, any(hit IN hits WHERE hit.allTerms = 1) AS someMatchAll
UNWIND hits AS hit
WITH hit WHERE hit.allTerms = 1 OR NOT someMatchAll
WITH hit.node AS node, hit.label AS label, hit.score AS score, $key IN hit.node.searchKeys AS exact
RETURN label, properties(node) AS props, score, exact
ORDER BY exact DESC, score DESC, node.id ASC
LIMIT $first`,
  ['allTerms', 'anyTerm', 'candidates', 'labels', 'key', 'first'],
);

/** Counts per label and per type, from Neo4j's count store (no scan). */
export const COUNTS = statement(
  'counts',
  `
RETURN {${NODE_LABELS.map((label) => `${checkedLabel(label)}: COUNT { MATCH (n:${checkedLabel(label)}) }`).join(', ')}} AS byLabel,
       {${RELATION_TYPES.map((type) => `${checkedType(type)}: COUNT { MATCH ()-[r:${checkedType(type)}]->() }`).join(', ')}} AS byType`,
  [],
);

/**
 * Every node and relation of the ontology, as rows of either kind (one statement, so one
 * transaction sees one state). Callers sort by id; UNION branches cannot be ordered as one.
 */
export const DUMP_GRAPH = statement(
  'dump-graph',
  `
MATCH (n:${ALL_LABELS_EXPRESSION()})
RETURN 'node' AS kind, head([label IN labels(n) WHERE label IN ${ALL_LABELS_LIST()}]) AS label,
       properties(n) AS props, null AS relType, null AS fromId, null AS toId
UNION ALL
MATCH (a:${ALL_LABELS_EXPRESSION()})-[r:${ALL_TYPES_EXPRESSION()}]->(b:${ALL_LABELS_EXPRESSION()})
RETURN 'relation' AS kind, null AS label,
       properties(r) AS props, type(r) AS relType, a.id AS fromId, b.id AS toId`,
  [],
);

// ---------------------------------------------------------------------------------------
// Filtered lists and organisation reach (paths and reach defined in store/list-filters.ts)

/** `(n)-[:A|B]->(:City)-[:IN_COUNTRY]->(:Country {id: $param})`: one filter path as a pattern. */
function filterPattern(path: FilterPath, parameter: string): string {
  return path
    .map((step, index) => {
      const types = step.types.map(checkedType).join('|');
      const end = index === path.length - 1 ? `(:${checkedLabel(step.label)} {id: $${parameter}})` : `(:${checkedLabel(step.label)})`;
      return step.direction === 'OUT' ? `-[:${types}]->${end}` : `<-[:${types}]-${end}`;
    })
    .join('');
}

const REACH_PROGRAMMES = `(n)-[:${REACH.programmeTypes.map(checkedType).join('|')}]->(programme:Programme)`;
const REACH_CITY_BRANCHES = (): readonly string[] => [
  `MATCH (n)<-[:MEMBER_OF]-(c:City)`,
  `MATCH (n)-[:PARTNERS_WITH]->(c:City)`,
  `MATCH ${REACH_PROGRAMMES}<-[:${REACH.programmeCityTypes.map(checkedType).join('|')}]-(c:City)`,
];

/** The reach expressions of an organisation `n` (list-filters.ts REACH). */
const REACH_EXPRESSIONS = (): Readonly<Record<'programmeCount' | 'cityCount' | 'countryCount', string>> => ({
  programmeCount: `size(COLLECT { MATCH ${REACH_PROGRAMMES} RETURN DISTINCT programme.id AS id })`,
  cityCount: `size(COLLECT { ${REACH_CITY_BRANCHES()
    .map((branch) => `${branch} RETURN c.id AS id`)
    .join(' UNION ')} })`,
  countryCount: `size(COLLECT { ${[
    ...REACH_CITY_BRANCHES().map((branch) => `${branch}-[:IN_COUNTRY]->(k:Country) RETURN k.id AS id`),
    `MATCH ${REACH_PROGRAMMES}<-[:${REACH.programmeCountryTypes.map(checkedType).join('|')}]-(k:Country) RETURN k.id AS id`,
  ].join(' UNION ')} })`,
});

/** The reach of the organisations `$ids`. */
export const ORGANIZATION_REACH = statement(
  'organization-reach',
  `
MATCH (n:Organization)
WHERE n.id IN $ids
RETURN n.id AS id, ${Object.entries(REACH_EXPRESSIONS())
    .map(([name, expression]) => `${expression} AS ${name}`)
    .join(',\n       ')}`,
  ['ids'],
);

const ORDER_KEY: Readonly<Record<ListOrder, string>> = {
  ID: 'n.id',
  NAME: 'n.name',
  PROGRAMMES: REACH_EXPRESSIONS().programmeCount,
  CITIES: REACH_EXPRESSIONS().cityCount,
  COUNTRIES: REACH_EXPRESSIONS().countryCount,
};

/** The orders each listed label offers (reach orders only for organisations). */
export function listOrdersOf(label: ListedLabel): readonly ListOrder[] {
  return label === 'Organization' ? ['ID', 'NAME', 'PROGRAMMES', 'CITIES', 'COUNTRIES'] : ['ID', 'NAME'];
}

/**
 * A filtered, ordered page of one listed label (store/list-page.ts: keyset after
 * `$afterKey`, `$afterId`, both null for the first page) with the total. Every filter is a
 * parameter, null when not asked; `$kind`, and for events `$from`/`$to` on startDate.
 */
export function listWhere(label: ListedLabel, order: ListOrder): CypherStatement {
  const checked = checkedLabel(label);
  const filters = filtersOf(label);
  const conditions = [
    ...(label === 'Person' ? [] : ['($kind IS NULL OR n.kind = $kind)']),
    ...filters.map(
      ({ name, paths }) => `($${name} IS NULL OR ${paths.map((path) => `EXISTS { MATCH (n)${filterPattern(path, name)} }`).join(' OR ')})`,
    ),
    ...(label === 'Event'
      ? [
          "($from IS NULL OR (n.startDate IS NOT NULL AND n.startDate + '~' >= $from))",
          "($to IS NULL OR (n.startDate IS NOT NULL AND n.startDate <= $to + '~'))",
        ]
      : []),
  ];
  const where = conditions.length > 0 ? `WHERE ${conditions.join('\n  AND ')}` : '';
  const descending = order === 'PROGRAMMES' || order === 'CITIES' || order === 'COUNTRIES';
  const after =
    order === 'ID'
      ? '$afterId IS NULL OR n.id > $afterId'
      : `$afterId IS NULL OR key ${descending ? '<' : '>'} $afterKey OR (key = $afterKey AND n.id > $afterId)`;
  const parameters = [
    ...(label === 'Person' ? [] : ['kind']),
    ...filters.map(({ name }) => name),
    ...(label === 'Event' ? ['from', 'to'] : []),
    'afterId',
    ...(order === 'ID' ? [] : ['afterKey']),
    'limit',
  ];
  return statement(
    `list-where.${checked}.${order}`,
    `
CALL () {
  MATCH (n:${checked})
  ${where}
  RETURN count(n) AS total
}
CALL () {
  MATCH (n:${checked})
  ${where}
  WITH n, ${ORDER_KEY[order]} AS key
  WHERE ${after}
  WITH n, key ORDER BY key ${descending ? 'DESC' : 'ASC'}, n.id ASC LIMIT $limit
  RETURN collect({props: properties(n), key: key}) AS page
}
RETURN total, page`,
    parameters,
  );
}

// ---------------------------------------------------------------------------------------
// Traversal and analytics (semantics as in src/store/memory/traversal/)

/**
 * Every (organisation, route) from the cities and programmes `$ids` (ontology.ts partner
 * routes: direct, and for a city through its programmes and attended events); the adapter
 * keeps the organisations that reach them all (store/partner-routes.ts).
 */
export const PARTNER_ROUTES = statement(
  'partner-routes',
  `
UNWIND $ids AS askedId
CALL (askedId) {
  MATCH (x:City {id: askedId}) RETURN x
  UNION
  MATCH (x:Programme {id: askedId}) RETURN x
}
CALL (x) {
  MATCH (x)-[r:${DIRECT_PARTNER_TYPES.map(checkedType).join('|')}]-(o:Organization)
  RETURN o, null AS viaId, type(r) AS relType, r.role AS role
  UNION
  MATCH (x:City)-[:${CITY_PROGRAMME_TYPES.map(checkedType).join('|')}]->(p:Programme)-[r:${PROGRAMME_PARTNER_TYPES.map(checkedType).join('|')}]-(o:Organization)
  RETURN o, p.id AS viaId, type(r) AS relType, r.role AS role
  UNION
  MATCH (x:City)-[a:PARTICIPATED_IN]->(e:Event)-[r:${EVENT_PARTNER_TYPES.map(checkedType).join('|')}]-(o:Organization)
  WHERE ${attends('a')}
  RETURN o, e.id AS viaId, type(r) AS relType, r.role AS role
}
WITH x, o, viaId, relType, role
WHERE NOT o.id IN $excludeIds
RETURN o.id AS partnerId, x.id AS fromId, viaId, relType, role`,
  ['ids', 'excludeIds', 'attendingRoles'],
);

/**
 * Programme pairs sharing partners, by rarity-weighted score (store/similarity.ts: each shared
 * partner weighs ln(1 + programmes with partners ÷ programmes it partners), rounded to 6
 * places), then Jaccard, shared count, ids. `ids`: only pairs among `$programmeIds` (a
 * separate statement, so the index on Programme(id) starts the match); partner counts are
 * computed once per programme of a pair and once per shared organisation.
 */
export function sharedPartners(among: 'all' | 'ids'): CypherStatement {
  const types = PARTNER_TYPES_EXPRESSION();
  const start =
    among === 'ids'
      ? `MATCH (a:Programme) WHERE a.id IN $programmeIds
MATCH (a)-[:${types}]-(o:Organization)-[:${types}]-(b:Programme)
WHERE a.id < b.id AND b.id IN $programmeIds`
      : `MATCH (a:Programme)-[:${types}]-(o:Organization)-[:${types}]-(b:Programme)
WHERE a.id < b.id`;
  return statement(
    `shared-partners.${among}`,
    `
CALL () {
  MATCH (p:Programme)
  WHERE EXISTS { MATCH (p)-[:${types}]-(:Organization) }
  RETURN count(p) AS programmeTotal
}
${start}
WITH programmeTotal, a, b, collect(DISTINCT o) AS sharedNodes
WHERE size(sharedNodes) >= $minShared
CALL (a) {
  MATCH (a)-[:${types}]-(x:Organization)
  RETURN count(DISTINCT x) AS partnersOfA
}
CALL (b) {
  MATCH (b)-[:${types}]-(y:Organization)
  RETURN count(DISTINCT y) AS partnersOfB
}
UNWIND sharedNodes AS o
CALL (o) {
  MATCH (o)-[:${types}]-(q:Programme)
  RETURN count(DISTINCT q) AS holders
}
WITH a, b, partnersOfA, partnersOfB, o, holders, log(1.0 + toFloat(programmeTotal) / holders) AS weight
ORDER BY o.id ASC
WITH a.id AS programmeA, b.id AS programmeB, partnersOfA, partnersOfB,
     collect({id: o.id, weight: weight, holders: holders}) AS shared, sum(weight) AS rawScore
WITH programmeA, programmeB, shared, round(rawScore, 6) AS score,
     toFloat(size(shared)) / (partnersOfA + partnersOfB - size(shared)) AS jaccard
RETURN programmeA, programmeB, shared, score, jaccard
ORDER BY score DESC, jaccard DESC, size(shared) DESC, programmeA ASC, programmeB ASC
LIMIT $first`,
    among === 'ids' ? ['programmeIds', 'minShared', 'first'] : ['minShared', 'first'],
  );
}

/**
 * The attendances of a peer `x` at events of `$eventKinds`: directly (`person` null) or
 * through a person who leads or works for the city.
 */
const attendancesOf = (peer: string, event: string, person: string): string => `
  MATCH (${peer})-[p:PARTICIPATED_IN]->(${event}:Event)
  WHERE ${event}.kind IN $eventKinds AND ${attends('p')}
  RETURN ${event}, null AS ${person}
  UNION
  MATCH (${peer}:City)<-[:${ROLL_UP_TYPES_EXPRESSION()}]-(someone:Person)-[p:PARTICIPATED_IN]->(${event}:Event)
  WHERE ${event}.kind IN $eventKinds AND ${attends('p')}
  RETURN ${event}, someone.id AS ${person}`;

/**
 * One hop of the peer network (store/peer-links.ts searches breadth first, one round trip
 * per hop): for each peer id in `$frontier`, every peer that attended an event of
 * `$eventKinds` with it (with the people through whom either did), and every peer a
 * LEARNED_FROM relation joins it to (`eventId` null). The frontier is looked up by label
 * and id (index seeks); each event's attendees are read once per frontier peer.
 */
export const PEER_STEPS = statement(
  'peer-steps',
  `
UNWIND $frontier AS frontierId
CALL (frontierId) {
${PEER_LABELS.map((label) => `  MATCH (x:${checkedLabel(label)} {id: frontierId}) RETURN x`).join('\n  UNION\n')}
}
CALL (x) {
  CALL (x) {${attendancesOf('x', 'e', 'mine')}
  }
  CALL (e) {
    MATCH (e)<-[p:PARTICIPATED_IN]-(y)
    WHERE ${isPeer('y')} AND ${attends('p')}
    RETURN y, null AS theirs
    UNION
    MATCH (e)<-[p:PARTICIPATED_IN]-(someone:Person)-[:${ROLL_UP_TYPES_EXPRESSION()}]->(y:City)
    WHERE ${attends('p')}
    RETURN y, someone.id AS theirs
  }
  WITH e, y, mine, theirs WHERE y <> x
  RETURN y.id AS toId, e.id AS eventId, collect(DISTINCT mine) + collect(DISTINCT theirs) AS personIds
  UNION ALL
  MATCH (x)-[:${checkedType(PEER_LEARNING_RELATION_TYPE)}]-(y)
  WHERE ${isPeer('y')} AND y <> x
  RETURN DISTINCT y.id AS toId, null AS eventId, [] AS personIds
}
RETURN x.id AS fromId, toId, eventId, personIds`,
  ['frontier', 'eventKinds', 'attendingRoles'],
);

/**
 * One shortest undirected path of at most `maxHops` relations of `$types` (all when empty);
 * among equally short ones, the one whose relation ids sort first, so the answer is stable.
 */
export function shortestPath(maxHops: number): CypherStatement {
  const hops = traversalBound(maxHops);
  return statement(
    `shortest-path.${hops}`,
    `
${lookUpById('a', '= $fromId')}
${lookUpById('b', '= $toId')}
MATCH p = ALL SHORTEST (a) (()-[r]-() WHERE size($types) = 0 OR type(r) IN $types){1,${hops}} (b)
WITH p ORDER BY [rel IN relationships(p) | rel.id] ASC LIMIT 1
RETURN [n IN nodes(p) | n.id] AS nodeIds,
       [rel IN relationships(p) | {relType: type(rel), fromId: startNode(rel).id, toId: endNode(rel).id, props: properties(rel)}] AS rels`,
    ['fromId', 'toId', 'types'],
  );
}

const STEP_PATTERN: Readonly<Record<Direction, string>> = {
  OUT: '()-[r]->()',
  IN: '()<-[r]-()',
  BOTH: '()-[r]-()',
};

/**
 * The neighbourhood of `$ids` within `depth` steps in a direction: every node with its
 * distance, the first `$limit` by (depth, id), whether more were cut, and the relations of
 * `$types` among the kept nodes.
 */
export function subgraph(direction: Direction, depth: number): CypherStatement {
  const reach =
    depth === 0
      ? `${lookUpById('n', 'IN $ids')}\nWITH DISTINCT n, 0 AS depth`
      : `${lookUpById('s', 'IN $ids')}
MATCH p = SHORTEST 1 (s) (${STEP_PATTERN[direction]} WHERE size($types) = 0 OR type(r) IN $types){0,${traversalBound(depth)}} (n)
WITH n, min(length(p)) AS depth`;
  return statement(
    `subgraph.${direction}.${depth}`,
    `
${reach}
ORDER BY depth ASC, n.id ASC
WITH collect({node: n, depth: depth}) AS reached
WITH reached[0..$limit] AS kept, size(reached) > $limit AS truncated
CALL (kept) {
  WITH [entry IN kept | entry.node] AS keptNodes
  UNWIND keptNodes AS a
  MATCH (a)-[r]->(b)
  WHERE b IN keptNodes AND (size($types) = 0 OR type(r) IN $types)
  RETURN collect({relType: type(r), fromId: a.id, toId: b.id, props: properties(r)}) AS rels
}
RETURN [entry IN kept | {label: ${labelOf('entry.node')}, props: properties(entry.node), depth: entry.depth}] AS nodes,
       rels, truncated`,
    ['ids', 'limit', 'types'],
  );
}

/**
 * For `$cityId`, every other city sharing an item of its profile (store/similarity.ts
 * reasons, as the memory store reads them), with how many cities hold each item and the
 * number of cities; its parts and wholes and the cities running one of its programmes left
 * out (peer links are left out by the adapter). Scored in the adapter.
 */
export const SIMILAR_CITIES = statement(
  'similar-cities',
  `
MATCH (me:City {id: $cityId})
CALL () {
  MATCH (each:City)
  RETURN count(each) AS cityCount
}
MATCH (c:City)
CALL (c) {
  CALL (c) {
    MATCH (c)-[r:${DIRECT_PARTNER_TYPES.map(checkedType).join('|')}]-(o:Organization)
    RETURN o, type(r) = 'MEMBER_OF' AS member
    UNION
    MATCH (c)-[:${CITY_PROGRAMME_TYPES.map(checkedType).join('|')}]->(:Programme)-[:${PROGRAMME_PARTNER_TYPES.map(checkedType).join('|')}]-(o:Organization)
    RETURN o, false AS member
    UNION
    MATCH (c)-[a:PARTICIPATED_IN]->(:Event)-[:${EVENT_PARTNER_TYPES.map(checkedType).join('|')}]-(o:Organization)
    WHERE ${attends('a')}
    RETURN o, false AS member
  }
  WITH o, collect(member) AS routes
  RETURN CASE WHEN o.kind = 'network' OR true IN routes THEN 'MEMBERSHIP' ELSE 'PARTNER' END AS reason, o.id AS value
  UNION
  MATCH (c)-[p:PARTICIPATED_IN]->(e:Event)
  WHERE ${attends('p')}
  RETURN 'EVENT' AS reason, e.id AS value
  UNION
  MATCH (c)<-[:${ROLL_UP_TYPES_EXPRESSION()}]-(:Person)-[p:PARTICIPATED_IN]->(e:Event)
  WHERE ${attends('p')}
  RETURN 'EVENT' AS reason, e.id AS value
  UNION
  MATCH (c)-[:ADVANCES]->(k:Commitment)
  RETURN 'COMMITMENT' AS reason, k.id AS value
  UNION
  MATCH (c)-[:${CITY_PROGRAMME_TYPES.map(checkedType).join('|')}]->(:Programme)-[:ADVANCES]->(k:Commitment)
  RETURN 'COMMITMENT' AS reason, k.id AS value
  UNION
  MATCH (:Person)-[e:ENDORSED]->(d:Declaration)
  WHERE e.forCity = c.id
  RETURN 'ENDORSEMENT' AS reason, d.id AS value
  UNION
  MATCH (c)-[:IN_COUNTRY]->(k:Country)
  RETURN 'COUNTRY' AS reason, k.id AS value
  UNION
  MATCH (c)-[:${CITY_PROGRAMME_TYPES.map(checkedType).join('|')}]->(programme:Programme)
  RETURN 'PROGRAMME_KIND' AS reason, programme.kind AS value
}
WITH me, cityCount, reason, value, collect(DISTINCT c) AS holders
WHERE me IN holders
UNWIND holders AS candidate
WITH me, cityCount, candidate, reason, value, size(holders) AS holderCount
WHERE candidate <> me
  AND NOT EXISTS { MATCH (me)-[:PART_OF]-(candidate) }
  AND NOT EXISTS { MATCH (me)-[:RUNS]->(:Programme)<-[:RUNS]-(candidate) }
RETURN candidate.id AS cityId, cityCount, collect({reason: reason, value: value, holders: holderCount}) AS shared`,
  ['cityId', 'attendingRoles'],
);

const PROJECTION_TEXT: Readonly<Record<Projection, () => string>> = {
  // Every peer attendance at an event of the kinds (direct or through a person) and every
  // LEARNED_FROM relation between peers; store/peer-links.ts exchangeProjection pairs them.
  EXCHANGE: () => `
CALL () {
${PEER_LABELS.map((label) => `  MATCH (x:${checkedLabel(label)}) RETURN x`).join('\n  UNION ALL\n')}
}
CALL (x) {${attendancesOf('x', 'e', 'person')}
}
RETURN 'attendance' AS kind, x.id AS source, ${labelOf('x')} AS sourceLabel, e.id AS target, 'Event' AS targetLabel,
       collect(person) AS personIds
UNION ALL
MATCH (a)-[:${checkedType(PEER_LEARNING_RELATION_TYPE)}]->(b)
WHERE ${isPeer('a')} AND ${isPeer('b')} AND a <> b
RETURN 'learning' AS kind, a.id AS source, ${labelOf('a')} AS sourceLabel, b.id AS target, ${labelOf('b')} AS targetLabel,
       [] AS personIds`,
  PARTNERSHIP: () => `
MATCH (a:${ALL_LABELS_EXPRESSION()})-[r:${PARTNER_TYPES_EXPRESSION()}]-(b:${ALL_LABELS_EXPRESSION()})
WHERE a.id < b.id AND (a:Organization OR b:Organization)
RETURN 'edge' AS kind, a.id AS source, ${labelOf('a')} AS sourceLabel, b.id AS target, ${labelOf('b')} AS targetLabel,
       count(r) AS weight`,
  ALL: () => `
MATCH (a:${ALL_LABELS_EXPRESSION()})-[r:${ALL_TYPES_EXPRESSION()}]-(b:${ALL_LABELS_EXPRESSION()})
WHERE a.id < b.id
RETURN 'edge' AS kind, a.id AS source, ${labelOf('a')} AS sourceLabel, b.id AS target, ${labelOf('b')} AS targetLabel,
       count(r) AS weight`,
};

/** An undirected weighted projection: `edge` rows (each pair once, source < target) and, for EXCHANGE, `node` rows. */
export function project(projection: Projection): CypherStatement {
  return statement(
    `project.${projection}`,
    PROJECTION_TEXT[projection](),
    projection === 'EXCHANGE' ? ['eventKinds', 'attendingRoles'] : [],
  );
}

// ---------------------------------------------------------------------------------------
// Writes

/**
 * Creates or replaces the nodes of one label, a batch of `$rows` (`{id, props}`) at a time.
 * `before` is read ahead of the MERGE so the statement can tell created from updated from
 * unchanged; `SET n = row.props` replaces the whole property map, so a property dropped
 * from the record is dropped from the node.
 */
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

/** Deletes up to `$batchSize` nodes of the ontology's labels (and their relations). */
export const CLEAR_BATCH = statement(
  'clear-batch',
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
    CREATE_LATIN_NAME_INDEX,
    CREATE_ARABIC_NAME_INDEX,
    AWAIT_INDEXES,
    FIND_NODE_LABELS,
    GET_NODES,
    ...NODE_LABELS.map(listNodes),
    ...allowedLinkedFilters().map(({ label, filter }) => listLinkedNodes(label, filter)),
    ...DIRECTIONS.map(getRelations),
    ...DIRECTIONS.map(countRelations),
    SEARCH,
    COUNTS,
    DUMP_GRAPH,
    ORGANIZATION_REACH,
    ...LISTED_LABELS.flatMap((label) => listOrdersOf(label).map((order) => listWhere(label, order))),
    PARTNER_ROUTES,
    sharedPartners('all'),
    sharedPartners('ids'),
    PEER_STEPS,
    ...HOP_BOUNDS.map(shortestPath),
    ...DIRECTIONS.flatMap((direction) => [0, ...HOP_BOUNDS].map((depth) => subgraph(direction, depth))),
    SIMILAR_CITIES,
    ...PROJECTIONS.map(project),
    ...NODE_LABELS.map(mergeNodes),
    ...allowedRelationEnds().map(({ type, fromLabel, toLabel }) => mergeRelations(type, fromLabel, toLabel)),
    REMOVE_RELATION,
    CLEAR_BATCH,
  ];
}
