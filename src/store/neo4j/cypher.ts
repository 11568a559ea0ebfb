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
  CITY_PROGRAMME_TYPES,
  DIRECT_PARTNER_TYPES,
  EVENT_PARTNER_TYPES,
  PEER_LABELS,
  PEER_LEARNING_RELATION_TYPE,
  PROGRAMME_PARTNER_TYPES,
  PROJECTIONS,
  ROLL_UP_RELATION_TYPES,
  RELATION_ENDPOINTS,
  RELATION_TYPES,
  type Confidence,
  type NodeLabel,
  type RelationType,
} from '../../domain/ontology';
import { InvalidArgumentError, MAX_HOPS, SHORTEST_PATH_TIE_CAP, type Direction, type Projection } from '../GraphStore';
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
 * Range indexes for the two items of `SIMILAR_CITIES` found by a property rather than a
 * relation from the asking city: the endorsements made for it (`ENDORSED.forCity`) and the
 * programmes of one of its programme kinds (`Programme.kind`). Without them each is a scan.
 */
export const PROGRAMME_KIND_INDEX = 'cities_kg_programme_kind';
export const ENDORSED_FOR_CITY_INDEX = 'cities_kg_endorsed_for_city';

export const CREATE_PROGRAMME_KIND_INDEX = statement(
  'schema.range.programme-kind',
  `CREATE INDEX ${PROGRAMME_KIND_INDEX} IF NOT EXISTS FOR (n:Programme) ON (n.kind)`,
  [],
);

export const CREATE_ENDORSED_FOR_CITY_INDEX = statement(
  'schema.range.endorsed-for-city',
  `CREATE INDEX ${ENDORSED_FOR_CITY_INDEX} IF NOT EXISTS FOR ()-[r:ENDORSED]-() ON (r.forCity)`,
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

/** The confidence of a relation `r`: one stored without a confidence is STATED (the schema's default). */
const CONFIDENCE_OF = (variable: string): string => `coalesce(${variable}.confidence, 'STATED')`;

/**
 * The confidence test of a relation `r`: `$confidences` lists the levels kept (every level
 * when no minimum is asked, `confidencesAtLeast`).
 */
const CONFIDENCE_KEPT = (variable: string): string => `${CONFIDENCE_OF(variable)} IN $confidences`;

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
 * separate statement, so the index on Programme(id) starts the match).
 *
 * Each count is computed once, not once per pair: the pairs are grouped by each of their
 * programmes (`UNWIND [a, b]`), so every programme's partners are counted once and the two
 * counts of a pair come back as their sum (all the Jaccard union needs); then the pairs are
 * grouped by each shared organisation, so every organisation's programmes (its rarity) are
 * counted once.
 *
 * EXPLAIN (all): the total by NodeByLabelScan(Programme) + SemiApply (programmes with a
 * partner), then NodeByLabelScan(Programme) → Expand(All) → Expand(All) →
 * Filter(a.id < b.id), EagerAggregation (pairs), Unwind + EagerAggregation by programme,
 * Apply over Expand(All) + EagerAggregation (partner count, once per programme), Unwind +
 * EagerAggregation by pair, Unwind + EagerAggregation by organisation, Apply over
 * Expand(All) + EagerAggregation (holders, once per organisation), Sort, EagerAggregation,
 * Top($first). EXPLAIN (ids): the same with NodeUniqueIndexSeek(Programme, a.id IN
 * $programmeIds) in place of the label scan, and a Filter on b.id.
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
UNWIND [a, b] AS programme
WITH programmeTotal, programme, collect({a: a, b: b, shared: sharedNodes}) AS pairsOfProgramme
CALL (programme) {
  MATCH (programme)-[:${types}]-(x:Organization)
  RETURN count(DISTINCT x) AS partnerCount
}
UNWIND pairsOfProgramme AS pair
WITH programmeTotal, pair.a AS a, pair.b AS b, head(collect(pair.shared)) AS sharedNodes, sum(partnerCount) AS partnersOfBoth
UNWIND sharedNodes AS o
WITH programmeTotal, o, collect({a: a, b: b, partnersOfBoth: partnersOfBoth}) AS pairsOfPartner
CALL (o) {
  MATCH (o)-[:${types}]-(q:Programme)
  RETURN count(DISTINCT q) AS holders
}
UNWIND pairsOfPartner AS pair
WITH pair, o, holders, log(1.0 + toFloat(programmeTotal) / holders) AS weight
ORDER BY o.id ASC
WITH pair.a.id AS programmeA, pair.b.id AS programmeB, pair.partnersOfBoth AS partnersOfBoth,
     collect({id: o.id, weight: weight, holders: holders}) AS shared, sum(weight) AS rawScore
WITH programmeA, programmeB, shared, round(rawScore, 6) AS score,
     toFloat(size(shared)) / (partnersOfBoth - size(shared)) AS jaccard
RETURN programmeA, programmeB, shared, score, jaccard
ORDER BY score DESC, jaccard DESC, size(shared) DESC, programmeA ASC, programmeB ASC
LIMIT $first`,
    among === 'ids' ? ['programmeIds', 'minShared', 'first'] : ['minShared', 'first'],
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
 * The kept nodes (`$kept`, element ids) with their labels, ids and names, each with the
 * relations of `$types` and `$confidences` it starts among the kept nodes: type, ends and
 * confidence, what a drawing needs (GraphStore's SubgraphNode), not every property.
 * EXPLAIN: NodeByElementIdSeek (n), Apply over Expand(All) + Filter, EagerAggregation.
 */
export const SUBGRAPH_NODES = statement(
  'subgraph-nodes',
  `
MATCH (n) WHERE elementId(n) IN $kept
CALL (n) {
  OPTIONAL MATCH (n)-[r]->(b)
  WHERE elementId(b) IN $kept AND type(r) IN $types AND ${CONFIDENCE_KEPT('r')}
  RETURN collect({relType: type(r), fromId: n.id, toId: b.id, confidence: ${CONFIDENCE_OF('r')}}) AS rels
}
RETURN ${labelOf('n')} AS label, n.id AS id, n.name AS name, n.nameAr AS nameAr, rels`,
  ['kept', 'types', 'confidences'],
);

const CITY_PROGRAMMES = (): string => CITY_PROGRAMME_TYPES.map(checkedType).join('|');
/** An organisation is a city's membership when it is a network or the city is its MEMBER_OF (store/similarity reasons). */
const isMembership = (organisation: string, memberRoutes: string): string =>
  `(coalesce(${organisation}.kind, '') = 'network' OR true IN ${memberRoutes})`;

/**
 * The items of `$cityId`'s profile (store/similarity.ts reasons, as the memory store's
 * similar-cities.ts reads them), each with every city holding it (the asking city
 * included): one row with `items` (`{reason, value, holders}`; empty for a city holding
 * nothing — the items are collected in a subquery so that such a city still has its row,
 * and no row means no such city), the number of cities
 * (`cityCount`) and the cities never suggested (`linkedIds`: its parts and wholes, the
 * cities running one of its programmes; peer links are left out by the adapter). The
 * adapter pairs and scores them (traversal-results.ts `suggestionsFromItems`).
 *
 * The work follows the asking city's neighbourhood, not the graph: it starts from the
 * city's own items and, for each, walks back to the cities holding it by the same route
 * (partner routes, attendance with roll-up, commitments directly or through programmes,
 * endorsements for the city, country, programme kind).
 *
 * EXPLAIN: NodeUniqueIndexSeek (me), Apply over an aggregation (items) of a Union of one branch per reason, each an
 * Expand(All) from me to its items then an Apply over Expand(All) back to the holders
 * (Distinct, EagerAggregation). Two branches start from a property index instead:
 * ENDORSEMENT from DirectedRelationshipIndexSeek (cities_kg_endorsed_for_city, forCity =
 * me.id), then Expand(All) to each declaration's endorsements and NodeUniqueIndexSeek of the
 * city each names; PROGRAMME_KIND from NodeIndexSeek (cities_kg_programme_kind, per kind),
 * then Expand(All) to the cities running them. cityCount: NodeCountFromCountStore.
 */
export const SIMILAR_CITIES = statement(
  'similar-cities',
  `
MATCH (me:City {id: $cityId})
CALL (me) {
  CALL (me) {
    CALL (me) {
      MATCH (me)-[r:${DIRECT_PARTNER_TYPES.map(checkedType).join('|')}]-(o:Organization)
      RETURN o, type(r) = 'MEMBER_OF' AS member
      UNION
      MATCH (me)-[:${CITY_PROGRAMMES()}]->(:Programme)-[:${PROGRAMME_PARTNER_TYPES.map(checkedType).join('|')}]-(o:Organization)
      RETURN o, false AS member
      UNION
      MATCH (me)-[a:PARTICIPATED_IN]->(:Event)-[:${EVENT_PARTNER_TYPES.map(checkedType).join('|')}]-(o:Organization)
      WHERE ${attends('a')}
      RETURN o, false AS member
    }
    WITH o, collect(member) AS myRoutes
    WITH o, ${isMembership('o', 'myRoutes')} AS membership
    CALL (o) {
      MATCH (o)-[r:${DIRECT_PARTNER_TYPES.map(checkedType).join('|')}]-(h:City)
      RETURN h, type(r) = 'MEMBER_OF' AS member
      UNION
      MATCH (o)-[:${PROGRAMME_PARTNER_TYPES.map(checkedType).join('|')}]-(:Programme)<-[:${CITY_PROGRAMMES()}]-(h:City)
      RETURN h, false AS member
      UNION
      MATCH (o)-[:${EVENT_PARTNER_TYPES.map(checkedType).join('|')}]-(:Event)<-[a:PARTICIPATED_IN]-(h:City)
      WHERE ${attends('a')}
      RETURN h, false AS member
    }
    WITH o, membership, h, collect(member) AS holderRoutes
    WHERE ${isMembership('o', 'holderRoutes')} = membership
    RETURN CASE WHEN membership THEN 'MEMBERSHIP' ELSE 'PARTNER' END AS reason, o.id AS value, collect(h.id) AS holders
    UNION ALL
    CALL (me) {
      MATCH (me)-[p:PARTICIPATED_IN]->(e:Event)
      WHERE ${attends('p')}
      RETURN e
      UNION
      MATCH (me)<-[:${ROLL_UP_TYPES_EXPRESSION()}]-(:Person)-[p:PARTICIPATED_IN]->(e:Event)
      WHERE ${attends('p')}
      RETURN e
    }
    CALL (e) {
      MATCH (e)<-[p:PARTICIPATED_IN]-(h:City)
      WHERE ${attends('p')}
      RETURN h
      UNION
      MATCH (e)<-[p:PARTICIPATED_IN]-(:Person)-[:${ROLL_UP_TYPES_EXPRESSION()}]->(h:City)
      WHERE ${attends('p')}
      RETURN h
    }
    RETURN 'EVENT' AS reason, e.id AS value, collect(h.id) AS holders
    UNION ALL
    CALL (me) {
      MATCH (me)-[:ADVANCES]->(k:Commitment)
      RETURN k
      UNION
      MATCH (me)-[:${CITY_PROGRAMMES()}]->(:Programme)-[:ADVANCES]->(k:Commitment)
      RETURN k
    }
    CALL (k) {
      MATCH (k)<-[:ADVANCES]-(h:City)
      RETURN h
      UNION
      MATCH (k)<-[:ADVANCES]-(:Programme)<-[:${CITY_PROGRAMMES()}]-(h:City)
      RETURN h
    }
    RETURN 'COMMITMENT' AS reason, k.id AS value, collect(h.id) AS holders
    UNION ALL
    MATCH (:Person)-[mine:ENDORSED]->(d:Declaration)
    WHERE mine.forCity = me.id
    WITH DISTINCT d
    CALL (d) {
      MATCH (d)<-[x:ENDORSED]-(:Person)
      MATCH (h:City {id: x.forCity})
      RETURN DISTINCT h
    }
    RETURN 'ENDORSEMENT' AS reason, d.id AS value, collect(h.id) AS holders
    UNION ALL
    MATCH (me)-[:IN_COUNTRY]->(k:Country)
    WITH DISTINCT k
    CALL (k) {
      MATCH (k)<-[:IN_COUNTRY]-(h:City)
      RETURN DISTINCT h
    }
    RETURN 'COUNTRY' AS reason, k.id AS value, collect(h.id) AS holders
    UNION ALL
    MATCH (me)-[:${CITY_PROGRAMMES()}]->(mine:Programme)
    WITH DISTINCT mine.kind AS kind
    WHERE kind IS NOT NULL
    CALL (kind) {
      MATCH (p:Programme)
      WHERE p.kind = kind
      MATCH (p)<-[:${CITY_PROGRAMMES()}]-(h:City)
      RETURN DISTINCT h
    }
    RETURN 'PROGRAMME_KIND' AS reason, kind AS value, collect(h.id) AS holders
  }
  RETURN collect({reason: reason, value: value, holders: holders}) AS items
}
RETURN items,
       COUNT { MATCH (c:City) } AS cityCount,
       COLLECT {
         MATCH (me)-[:PART_OF]-(x:City) RETURN x.id AS id
         UNION
         MATCH (me)-[:RUNS]->(:Programme)<-[:RUNS]-(x:City) RETURN x.id AS id
       } AS linkedIds`,
  ['cityId', 'attendingRoles'],
);

/** Rows of edges from `(a)-[r]->(b)`: the pair with the smaller id as source, weighted by its relations. */
const orderedPair = (): string => `WITH CASE WHEN a.id < b.id THEN a ELSE b END AS x, CASE WHEN a.id < b.id THEN b ELSE a END AS y, r
RETURN 'edge' AS kind, x.id AS source, ${labelOf('x')} AS sourceLabel, y.id AS target, ${labelOf('y')} AS targetLabel,
       count(r) AS weight`;

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

/** Every concrete statement the adapter can issue (what the lint test checks). */
export function allStatements(): readonly CypherStatement[] {
  return [
    PING,
    ...NODE_LABELS.map(uniqueIdConstraint),
    CREATE_STANDARD_NAME_INDEX,
    CREATE_ARABIC_NAME_INDEX,
    CREATE_PROGRAMME_KIND_INDEX,
    CREATE_ENDORSED_FOR_CITY_INDEX,
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
    ORGANIZATION_REACH,
    ...LISTED_LABELS.flatMap((label) => listOrdersOf(label).map((order) => listWhere(label, order))),
    PARTNER_ROUTES,
    sharedPartners('all'),
    sharedPartners('ids'),
    PEER_STEPS,
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
