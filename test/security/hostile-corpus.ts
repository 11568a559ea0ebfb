/**
 * A generated corpus of malformed and hostile requests to /graphql: Cypher-, SQL- and
 * template-injection strings in every string argument of every query and mutation (as
 * variables and as inline literals), wrong variable types, unknown ids, huge strings,
 * invalid UTF-8, deep nesting, alias, directive and fragment bombs, oversized and
 * compressed bodies, bad JSON, wrong content types and methods, GET mutations, batches,
 * and hostile credentials. Deterministic: the same list every run.
 */
import { gzipSync } from 'node:zlib';

export interface HostileRequest {
  readonly name: string;
  readonly method: string;
  /** Path and query string; /graphql unless given. */
  readonly path?: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
}

export const INJECTIONS: readonly string[] = [
  "' OR 1=1 --",
  '" OR ""="',
  'MATCH (n) DETACH DELETE n',
  "'}) MATCH (n) DETACH DELETE n //",
  "city:x' RETURN n //",
  'city:karachi\nMATCH (n) DETACH DELETE n',
  'CALL db.labels() YIELD label RETURN label',
  "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
  "CALL apoc.cypher.runMany('MATCH (n) DETACH DELETE n', {})",
  '`; DROP TABLE changes; --',
  "'); DELETE FROM changes; --",
  '${jndi:ldap://127.0.0.1/a}',
  '{{7*7}}<%= 7*7 %>',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '\u0000',
  '__proto__',
  'constructor',
  '{"$gt": ""}',
  '%00%s%s%n',
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  '😀'.repeat(40),
  '\ud800',
  ' ',
  '',
  `city:${'a'.repeat(400)}`,
];

const json = { 'content-type': 'application/json' };

function post(name: string, body: unknown, headers: Record<string, string> = {}): HostileRequest {
  return { name, method: 'POST', headers: { ...json, ...headers }, body: JSON.stringify(body) };
}

/** Queries with one String/ID variable `$s`, and the key some of them need. */
const QUERY_TEMPLATES: readonly { readonly name: string; readonly operation: string; readonly type: string; readonly key?: 'reader' }[] = [
  { name: 'node.id', type: 'ID!', operation: 'node(id: $s) { id }' },
  { name: 'nodes.ids', type: 'ID!', operation: 'nodes(ids: [$s]) { id }' },
  { name: 'search.text', type: 'String!', operation: 'search(text: $s) { node { id } }' },
  { name: 'cities.countryId', type: 'ID', operation: 'cities(countryId: $s) { totalCount }' },
  { name: 'cities.after', type: 'String', operation: 'cities(after: $s) { totalCount }' },
  { name: 'relations.after', type: 'String', operation: 'node(id: "city:karachi") { relations(after: $s) { totalCount } }' },
  {
    name: 'country.cities.after',
    type: 'String',
    operation: 'node(id: "country:pk") { ... on Country { cities(after: $s) { totalCount } } }',
  },
  { name: 'peerNetwork.cityId', type: 'ID!', operation: 'peerNetwork(cityId: $s) { maxHops }' },
  { name: 'shortestPath.fromId', type: 'ID!', operation: 'shortestPath(fromId: $s, toId: "city:karachi") { length }' },
  { name: 'shortestPath.toId', type: 'ID!', operation: 'shortestPath(fromId: "city:karachi", toId: $s) { length }' },
  { name: 'sharedPartners.programmeIds', type: 'ID!', operation: 'sharedPartners(programmeIds: [$s]) { shared }' },
  { name: 'commonPartners.ids', type: 'ID!', operation: 'commonPartners(ids: [$s]) { partner { id } }' },
  { name: 'subgraph.ids', type: 'ID!', operation: 'subgraph(ids: [$s]) { truncated }' },
  { name: 'similarCities.cityId', type: 'ID!', operation: 'similarCities(cityId: $s) { score }' },
  { name: 'suggestedPeers.cityId', type: 'ID!', operation: 'suggestedPeers(cityId: $s) { totalCount }' },
  { name: 'auditLog.after', type: 'String', operation: 'auditLog(after: $s) { totalCount }', key: 'reader' },
  { name: 'auditLog.entityId', type: 'ID', operation: 'auditLog(entityId: $s) { totalCount }', key: 'reader' },
];

/** A valid-looking mutation input that must still fail (unknown or existing ids, bad quote). */
const MUTATION_TEMPLATES: readonly {
  readonly mutation: string;
  readonly input: string;
  readonly base: Record<string, unknown>;
  readonly fields: readonly string[];
}[] = [
  {
    mutation: 'createNode',
    input: 'CreateNodeInput!',
    // city:karachi exists: whatever else is injected, this never creates anything.
    base: {
      id: 'city:karachi',
      type: 'CITY',
      kind: 'city',
      name: 'K',
      nameAr: 'ك',
      provenance: { doc: 'doc:000', quote: 'not in the text' },
    },
    fields: ['id', 'name', 'nameAr', 'note', 'kind', 'place', 'aliases', 'provenance.quote', 'provenance.doc', 'provenance.url'],
  },
  {
    mutation: 'updateNode',
    input: 'UpdateNodeInput!',
    base: { id: 'city:hostile-unknown', name: 'x', provenance: { doc: 'doc:000', quote: 'not in the text' } },
    fields: ['id', 'name', 'note', 'aliases', 'provenance.quote', 'provenance.url'],
  },
  {
    mutation: 'addRelation',
    input: 'AddRelationInput!',
    base: {
      type: 'LEADS',
      fromId: 'person:hostile-unknown',
      toId: 'city:karachi',
      title: 'Mayor',
      provenance: { doc: 'doc:000', quote: 'not in the text' },
    },
    fields: ['fromId', 'toId', 'title', 'role', 'forCityId', 'throughIds', 'atId', 'context', 'note', 'provenance.quote'],
  },
  {
    mutation: 'removeRelation',
    input: 'RemoveRelationInput!',
    base: { id: 'person:hostile-unknown-LEADS->city:karachi', provenance: { doc: 'doc:000', quote: 'q' } },
    fields: ['id', 'provenance.quote'],
  },
];

function withField(base: Record<string, unknown>, field: string, value: string): Record<string, unknown> {
  if (field === 'aliases') return { ...base, aliases: [value, value] };
  if (field === 'throughIds') return { ...base, throughIds: [value, value] };
  if (field === 'provenance.url') return { ...base, provenance: { url: value, quote: 'q' } };
  if (field.startsWith('provenance.')) {
    return { ...base, provenance: { ...(base.provenance as Record<string, unknown>), [field.slice('provenance.'.length)]: value } };
  }
  return { ...base, [field]: value };
}

export function hostileCorpus(keys: { readonly editor: string; readonly reader: string }): HostileRequest[] {
  const corpus: HostileRequest[] = [];
  const bearer = (key: string): Record<string, string> => ({ authorization: `Bearer ${key}` });
  const keyOf = (template: { key?: 'reader' }) => (template.key ? bearer(keys.reader) : {});

  // 1. Injection strings in every string argument, as variables and as inline literals.
  for (const template of QUERY_TEMPLATES) {
    INJECTIONS.forEach((value, index) => {
      corpus.push(
        post(
          `inject var ${template.name} #${index}`,
          { query: `query Q($s: ${template.type}) { ${template.operation} }`, variables: { s: value } },
          keyOf(template),
        ),
      );
      // Inline, every other string: the parser sees them as GraphQL string literals.
      if (index % 2 === 0) {
        corpus.push(
          post(
            `inject inline ${template.name} #${index}`,
            { query: `{ ${template.operation.replace('$s', JSON.stringify(value))} }` },
            keyOf(template),
          ),
        );
      }
    });
  }
  for (const template of MUTATION_TEMPLATES) {
    const document = `mutation M($input: ${template.input}) { ${template.mutation}(input: $input) { audit { id } } }`;
    for (const field of template.fields) {
      INJECTIONS.forEach((value, index) => {
        // Every field gets half of the strings, alternating, so each string meets every mutation.
        if ((index + template.fields.indexOf(field)) % 2 === 1) return;
        corpus.push(
          post(
            `inject ${template.mutation}.${field} #${index}`,
            { query: document, variables: { input: withField(template.base, field, value) } },
            bearer(keys.editor),
          ),
        );
      });
    }
    // The same mutations without a key and with a reader key.
    corpus.push(post(`${template.mutation} anonymous`, { query: document, variables: { input: template.base } }));
    corpus.push(post(`${template.mutation} reader`, { query: document, variables: { input: template.base } }, bearer(keys.reader)));
  }

  // 2. Wrong types, unknown ids and huge strings for every variable.
  const wrongValues: readonly unknown[] = [123, 1.5, true, {}, [], null, { a: 1 }, [[['x']]], 1e308, -1, 'x'.repeat(60_000)];
  for (const template of QUERY_TEMPLATES) {
    wrongValues.forEach((value, index) => {
      corpus.push(
        post(
          `wrong type ${template.name} #${index}`,
          { query: `query Q($s: ${template.type}) { ${template.operation} }`, variables: { s: value } },
          keyOf(template),
        ),
      );
    });
    for (const id of ['city:atlantis', 'country:zz', 'person:nobody-at-all', 'doc:999', 'event:never', 'prog:none', 'org:none']) {
      corpus.push(
        post(
          `unknown id ${template.name} ${id}`,
          { query: `query Q($s: ${template.type}) { ${template.operation} }`, variables: { s: id } },
          keyOf(template),
        ),
      );
    }
  }
  for (const [name, variables] of [
    ['first huge', { first: 2 ** 31 }],
    ['first negative', { first: -5 }],
    ['first float', { first: 2.5 }],
    ['first string', { first: '10' }],
    ['maxHops huge', { maxHops: 1_000_000 }],
  ] as const) {
    corpus.push(
      post(`bounds ${name}`, {
        query:
          'query Q($first: Int, $maxHops: Int) { cities(first: $first) { totalCount } peerNetwork(cityId: "city:karachi", maxHops: $maxHops) { maxHops } }',
        variables,
      }),
    );
  }
  corpus.push(
    post('nodes with 5000 ids', {
      query: 'query Q($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      variables: { ids: Array.from({ length: 5_000 }, (_, i) => `city:c${i}`) },
    }),
  );
  corpus.push(post('subgraph limit huge', { query: '{ subgraph(ids: ["city:karachi"], depth: 50, limit: 1000000) { truncated } }' }));

  // Work bombs (issue 17): aliased whole-graph layouts and betweenness over every relation.
  const hubs = JSON.stringify(['org:strong-cities-network', 'city:karachi', 'country:pk']);
  const aliased = (count: number, field: string): string => `{ ${Array.from({ length: count }, (_, i) => `w${i}: ${field}`).join(' ')} }`;
  corpus.push(
    post('work bomb 15 × ForceAtlas2 subgraph', {
      query: aliased(15, `subgraph(ids: ${hubs}, depth: 6, limit: 1000, layout: FORCEATLAS2) { nodes { id x y } }`),
    }),
  );
  corpus.push(post('work bomb 10 × betweenness ALL', { query: aliased(10, 'centrality(metric: BETWEENNESS, projection: ALL) { score }') }));
  corpus.push(
    post('work bomb layouts as variables', {
      query: `query Q($l: Layout, $d: Int, $n: Int) ${aliased(15, `subgraph(ids: ${hubs}, depth: $d, limit: $n, layout: $l) { truncated }`)}`,
      variables: { l: 'FORCEATLAS2', d: 6, n: 1000 },
    }),
  );
  corpus.push(post('analytics aliases 15 × communities ALL', { query: aliased(15, 'communities(projection: ALL) { size }') }));
  corpus.push(post('analytics aliases 15 × sharedPartners all', { query: aliased(15, 'sharedPartners(first: 100) { shared }') }));

  // Curated text with control, bidirectional and format characters, and quotes too short to state a fact.
  const createNode = 'mutation M($input: CreateNodeInput!) { createNode(input: $input) { audit { id } } }';
  const fresh = {
    id: 'city:hostile-text',
    type: 'CITY',
    kind: 'MUNICIPALITY',
    name: 'Hostile Text',
    nameAr: 'بلدة',
    provenance: { doc: 'doc:000', quote: 'ويبلغ عدد سكان كراتشي ما يقرب من 20 مليون نسمة' },
  };
  for (const [what, text] of [
    ['NUL', 'Kara\u0000chi'],
    ['BEL', 'Kara\u0007chi'],
    ['RLO', '\u202Eihcarak'],
    ['LRI', 'Kara\u2066chi'],
    ['lone surrogate', 'Kara\uD800chi'],
  ] as const) {
    for (const field of ['name', 'nameAr', 'note'] as const) {
      corpus.push(
        post(
          `curated ${field} with ${what}`,
          { query: createNode, variables: { input: { ...fresh, [field]: text } } },
          bearer(keys.editor),
        ),
      );
    }
  }
  for (const [what, quote] of [
    ['U+FEFF for a space', 'ويبلغ عدد سكان\uFEFFكراتشي ما يقرب من 20 مليون نسمة'],
    ['one letter', 'و'],
  ] as const) {
    corpus.push(
      post(
        `quote ${what}`,
        { query: createNode, variables: { input: { ...fresh, provenance: { doc: 'doc:000', quote } } } },
        bearer(keys.editor),
      ),
    );
  }

  // 3. Deep nesting, alias, directive and fragment bombs.
  const nested = (levels: number, inner: string): string => (levels === 0 ? inner : `partOf { ${nested(levels - 1, inner)} }`);
  for (const depth of [13, 16, 20, 30, 50, 100, 200, 400]) {
    corpus.push(post(`deep partOf ${depth}`, { query: `{ node(id: "city:korangi") { ... on City { ${nested(depth, 'id')} } } }` }));
    const walk = (levels: number): string => (levels === 0 ? 'id' : `relations { edges { node { from { ${walk(levels - 1)} } } } }`);
    corpus.push(post(`deep relations ${depth}`, { query: `{ node(id: "city:karachi") { ${walk(Math.ceil(depth / 4))} } }` }));
    corpus.push(post(`deep lists ${depth}`, { query: `{ stats { nodes } } # ${'['.repeat(depth)}` }));
  }
  for (const count of [16, 100, 1_000, 3_000, 6_000]) {
    for (const field of ['__typename', 'stats { nodes }', 'node(id: "city:karachi") { id }', 'search(text: "a") { score }']) {
      const aliases = Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ');
      corpus.push(post(`aliases ${count} ${field.slice(0, 12)}`, { query: `{ ${aliases} }` }));
    }
  }
  for (const count of [11, 100, 1_000]) {
    corpus.push(
      post(`directives ${count} on spreads`, {
        query: `{ ${Array.from({ length: count }, () => '...F @include(if: true)').join(' ')} } fragment F on Query { stats { nodes } }`,
      }),
    );
    corpus.push(post(`unknown directives ${count}`, { query: `{ stats ${'@x '.repeat(count)} { nodes } }` }));
  }
  corpus.push(post('fragment cycle', { query: '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }' }));
  corpus.push(post('fragment self', { query: '{ ...A } fragment A on Query { stats { nodes } ...A }' }));
  const fragmentBomb = Array.from({ length: 12 }, (_, i) => `fragment F${i} on City { partOf { ...F${i + 1} ...F${i + 1} } }`).join(' ');
  corpus.push(
    post('fragment doubling bomb', { query: `{ node(id: "city:korangi") { ...F0 } } ${fragmentBomb} fragment F12 on City { id }` }),
  );
  corpus.push(post('tokens 10000', { query: `{ stats { ${'nodes '.repeat(10_000)} } }` }));
  corpus.push(
    post('introspection', { query: '{ __schema { types { name fields { name type { name ofType { name ofType { name } } } } } } }' }),
  );
  corpus.push(post('introspection type', { query: '{ __type(name: "Query") { fields { name } } }' }));
  corpus.push(post('field suggestion probe', { query: '{ nod(id: "city:karachi") { id } }' }));
  corpus.push(post('unknown field', { query: '{ users { password } }' }));

  // 4. Malformed bodies and requests.
  const raw = (name: string, body: string | Uint8Array, headers: Record<string, string> = json, method = 'POST'): void => {
    corpus.push({ name, method, headers, body });
  };
  for (const [name, body] of [
    ['empty', ''],
    ['truncated', '{"query": "{ stats { nodes } }"'],
    ['trailing garbage', '{"query": "{ stats { nodes } }"} garbage'],
    ['single quotes', "{'query': '{ stats { nodes } }'}"],
    ['NaN', '{"query": NaN}'],
    ['query number', '{"query": 123}'],
    ['query null', '{"query": null}'],
    ['query object', '{"query": {"a": 1}}'],
    ['query array', '{"query": ["{ stats { nodes } }"]}'],
    ['empty object', '{}'],
    ['bare string', '"{ stats { nodes } }"'],
    ['bare number', '42'],
    ['batch', JSON.stringify([{ query: '{ stats { nodes } }' }, { query: '{ stats { nodes } }' }])],
    ['empty batch', '[]'],
    ['deep json arrays', `{"query": "{ stats { nodes } }", "variables": {"s": ${'['.repeat(20_000)}${']'.repeat(20_000)}}}`],
    ['deep json objects', `{"query": "{ stats { nodes } }", "variables": ${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`],
    ['variables string', '{"query": "query Q($s: ID!) { node(id: $s) { id } }", "variables": "city:karachi"}'],
    ['variables array', '{"query": "query Q($s: ID!) { node(id: $s) { id } }", "variables": ["city:karachi"]}'],
    [
      'proto variables',
      '{"query": "query Q($s: ID!) { node(id: $s) { id } }", "variables": {"__proto__": {"s": "city:karachi"}, "constructor": {"prototype": {"polluted": 1}}}}',
    ],
    [
      'many variables',
      JSON.stringify({
        query: '{ stats { nodes } }',
        variables: Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`v${i}`, i])),
      }),
    ],
    ['operationName missing', JSON.stringify({ query: 'query A { stats { nodes } } query B { stats { relations } }' })],
    ['operationName unknown', JSON.stringify({ query: '{ stats { nodes } }', operationName: 'Nope' })],
    ['operationName object', JSON.stringify({ query: '{ stats { nodes } }', operationName: { a: 1 } })],
    ['two anonymous', JSON.stringify({ query: '{ stats { nodes } } { stats { relations } }' })],
    ['persisted query garbage', JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'x'.repeat(64) } } })],
    ['extensions not object', JSON.stringify({ query: '{ stats { nodes } }', extensions: 'x' })],
    ['syntax error', JSON.stringify({ query: '{ stats { nodes }' })],
    ['subscription', JSON.stringify({ query: 'subscription { stats { nodes } }' })],
    ['null bytes in query', JSON.stringify({ query: '{ stats\u0000 { nodes } }' })],
  ] as const) {
    raw(`bad json ${name}`, body);
  }
  const encoder = new TextEncoder();
  for (const [name, bytes] of [
    ['0xff', [0xff]],
    ['0xfe 0xff', [0xfe, 0xff]],
    ['broken 2-byte', [0xc3, 0x28]],
    ['overlong slash', [0xc0, 0xaf]],
    ['lone continuation', [0x80, 0x80]],
    ['truncated 4-byte', [0xf0, 0x9f, 0x98]],
    ['surrogate half', [0xed, 0xa0, 0x80]],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
  ] as const) {
    for (const [where, before, after] of [
      ['in id', '{"query": "query Q($s: ID!) { node(id: $s) { id } }", "variables": {"s": "city:', '"}}'],
      ['in search', '{"query": "query Q($s: String!) { search(text: $s) { score } }", "variables": {"s": "', '"}}'],
      ['in query', '{"query": "{ stats { nodes ', ' } }"}'],
    ] as const) {
      const body = new Uint8Array([...encoder.encode(before), ...bytes, ...encoder.encode(after)]);
      raw(`utf-8 ${name} ${where}`, body);
    }
    raw(
      `utf-8 ${name} in mutation`,
      new Uint8Array([
        ...encoder.encode(
          '{"query": "mutation M($i: UpdateNodeInput!) { updateNode(input: $i) { audit { id } } }", "variables": {"i": {"id": "city:hostile-unknown", "name": "',
        ),
        ...bytes,
        ...encoder.encode('", "provenance": {"doc": "doc:000", "quote": "q"}}}}'),
      ]),
    );
  }
  // Oversized and compressed bodies.
  for (const size of [100_001, 300_000, 1_000_000]) {
    raw(`oversized ${size}`, JSON.stringify({ query: `{ stats { nodes } } #${'x'.repeat(size)}` }));
  }
  const bomb = gzipSync(Buffer.from(JSON.stringify({ query: `{ stats { nodes } } #${'x'.repeat(5_000_000)}` })));
  raw('gzip bomb', new Uint8Array(bomb), { ...json, 'content-encoding': 'gzip' });
  raw('gzip small', new Uint8Array(gzipSync(Buffer.from('{"query": "{ stats { nodes } }"}'))), { ...json, 'content-encoding': 'gzip' });
  raw('unknown encoding', '{"query": "{ stats { nodes } }"}', { ...json, 'content-encoding': 'rot13' });
  raw('gzip header plain body', '{"query": "{ stats { nodes } }"}', { ...json, 'content-encoding': 'gzip' });
  // Wrong content types.
  const body = '{"query": "{ stats { nodes } }"}';
  for (const type of [
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
    'application/graphql',
    'application/json; charset=latin1',
    'application/json; charset=utf-7',
    'application/jsonp',
    'text/html',
    '',
  ]) {
    raw(`content type ${type || 'none'}`, body, type ? { 'content-type': type } : {});
  }
  // Methods and GETs.
  const encoded = (query: string): string => `/graphql?query=${encodeURIComponent(query)}`;
  const mutation = 'mutation { removeRelation(input: { id: "a-LEADS->b", provenance: { doc: "doc:000", quote: "q" } }) { audit { id } } }';
  corpus.push({ name: 'GET mutation', method: 'GET', path: encoded(mutation), headers: {} });
  corpus.push({ name: 'GET mutation preflight', method: 'GET', path: encoded(mutation), headers: { 'apollo-require-preflight': 'true' } });
  corpus.push({
    name: 'GET mutation editor',
    method: 'GET',
    path: encoded(mutation),
    headers: { 'apollo-require-preflight': 'true', ...bearer(keys.editor) },
  });
  corpus.push({ name: 'GET query no preflight', method: 'GET', path: encoded('{ stats { nodes } }'), headers: {} });
  corpus.push({
    name: 'GET bad variables',
    method: 'GET',
    path: `${encoded('query Q($s: ID!) { node(id: $s) { id } }')}&variables=%7Bnot%20json`,
    headers: { 'apollo-require-preflight': 'true' },
  });
  corpus.push({
    name: 'GET huge url',
    method: 'GET',
    path: encoded(`{ stats { nodes } } #${'x'.repeat(20_000)}`),
    headers: { 'apollo-require-preflight': 'true' },
  });
  corpus.push({ name: 'GET html landing', method: 'GET', path: '/graphql', headers: { accept: 'text/html' } });
  for (const method of ['PUT', 'DELETE', 'PATCH']) {
    corpus.push({ name: `${method} graphql`, method, headers: json, body });
  }
  corpus.push({
    name: 'OPTIONS preflight from elsewhere',
    method: 'OPTIONS',
    headers: { origin: 'https://evil.example.org', 'access-control-request-method': 'POST' },
  });
  for (const path of ['/graphql%00', '/graphql;jsessionid=1', '/%2e%2e/%2e%2e/etc/passwd', '/admin', `/${'a'.repeat(5_000)}`]) {
    corpus.push({ name: `path ${path.slice(0, 30)}`, method: 'GET', path, headers: {} });
  }
  // Hostile credentials on a public query and on a mutation.
  for (const authorization of [
    'Bearer',
    'Bearer ' + 'x'.repeat(5_000),
    'Basic YWxpY2U6c2VjcmV0',
    `Bearer ${keys.editor.slice(0, -1)}`,
    `Bearer ${keys.editor}x`,
    'Bearer ../../etc/passwd',
    'bearer  \t spaced',
  ]) {
    corpus.push(post(`auth ${authorization.slice(0, 20)} query`, { query: '{ stats { nodes } }' }, { authorization }));
    corpus.push(post(`auth ${authorization.slice(0, 20)} mutation`, { query: mutation }, { authorization }));
  }
  return corpus;
}
