/**
 * Curation over real HTTP: each mutation with an editor key, its provenance checked by the
 * seed's validator (doc quotes verbatim, web sources stored as given), every change in the
 * audit log with its editor and before/after, and refused changes writing nothing.
 */
import {
  AddRelationDocument,
  AuditLogDocument,
  CreateNodeDocument,
  CuratedNodeDocument,
  RemoveRelationDocument,
  StatsDocument,
  UpdateNodeDocument,
  type AddRelationInput,
  type CreateNodeInput,
} from '../operations.generated';
import { execute as call, errorCodes as codes, EDITOR_KEY, READER_KEY, startTestServer, type TestServer } from '../support/test-server';

const KARACHI_QUOTE = 'ويبلغ عدد سكان كراتشي ما يقرب من 20 مليون نسمة';
const fromDoc000 = { doc: 'doc:000', quote: KARACHI_QUOTE };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

function town(id: string, overrides: Partial<CreateNodeInput> = {}): CreateNodeInput {
  return { id, type: 'CITY', kind: 'MUNICIPALITY', name: 'Curated Town', nameAr: 'بلدة', provenance: fromDoc000, ...overrides };
}

async function stats() {
  return (await call(server, StatsDocument, {})).data?.stats;
}

async function auditCount(): Promise<number> {
  return (await call(server, AuditLogDocument, { first: 1 }, READER_KEY)).data?.auditLog.totalCount ?? -1;
}

describe('createNode', () => {
  it('adds a node with a verbatim doc quote, records who, when and what, and serves it', async () => {
    const before = await stats();
    const answer = await call(server, CreateNodeDocument, { input: town('city:curated-a') }, EDITOR_KEY);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.createNode.node).toMatchObject({ __typename: 'City', id: 'city:curated-a', type: 'CITY', name: 'Curated Town' });
    expect(answer.data?.createNode.node.sources).toEqual([{ quote: KARACHI_QUOTE, url: null, document: { id: 'doc:000' } }]);
    const audit = answer.data?.createNode.audit;
    expect(audit).toMatchObject({ editor: 'alice', action: 'CREATE_NODE', entityId: 'city:curated-a', before: null });
    expect(audit?.provenance).toEqual({ doc: 'doc:000', url: null, quote: KARACHI_QUOTE });
    expect(JSON.parse(audit?.after ?? 'null')).toMatchObject({ id: 'city:curated-a', label: 'City', kind: 'municipality' });
    expect(Number.isNaN(Date.parse(audit?.at ?? ''))).toBe(false);

    const served = await call(server, CuratedNodeDocument, { id: 'city:curated-a' });
    expect(served.data?.node?.name).toBe('Curated Town');
    expect((await stats())?.nodes).toBe((before?.nodes ?? 0) + 1);
  });

  it('stores a web source as given, with no document', async () => {
    const url = 'https://strongcitiesnetwork.org/en/some-page?x=1';
    const answer = await call(
      server,
      CreateNodeDocument,
      { input: town('city:curated-web', { provenance: { url, quote: 'any text at all' } }) },
      EDITOR_KEY,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.createNode.node.sources).toEqual([{ quote: 'any text at all', url, document: null }]);
    expect(answer.data?.createNode.audit.provenance).toEqual({ doc: null, url, quote: 'any text at all' });
  });

  it('refuses, writing nothing, a quote that is not verbatim, a bad id, a property the type lacks, an existing id or a bad provenance', async () => {
    const nodesBefore = (await stats())?.nodes;
    const auditBefore = await auditCount();
    const refusals: [CreateNodeInput, string][] = [
      [town('city:curated-b', { provenance: { doc: 'doc:000', quote: 'كراتشي مدينة صغيرة جدا' } }), 'BAD_USER_INPUT'],
      [town('city:curated-b', { provenance: { doc: 'doc:999', quote: KARACHI_QUOTE } }), 'BAD_USER_INPUT'],
      [town('City:Bad Id'), 'BAD_USER_INPUT'],
      [town('org:curated-b'), 'BAD_USER_INPUT'],
      [{ ...town('person:curated-b'), type: 'PERSON', kind: null, population: 5 }, 'BAD_USER_INPUT'],
      [town('city:curated-b', { kind: 'METROPOLIS' }), 'BAD_USER_INPUT'],
      [town('city:karachi'), 'CONFLICT'],
      [town('city:curated-b', { provenance: { doc: 'doc:000', url: 'https://a.org', quote: KARACHI_QUOTE } }), 'BAD_USER_INPUT'],
      [town('city:curated-b', { provenance: { quote: KARACHI_QUOTE } }), 'BAD_USER_INPUT'],
      [town('city:curated-b', { provenance: { url: 'javascript:alert(1)', quote: 'x' } }), 'BAD_USER_INPUT'],
      [town('city:curated-b', { name: 'x'.repeat(5_000) }), 'BAD_USER_INPUT'],
    ];
    for (const [input, code] of refusals) {
      const answer = await call(server, CreateNodeDocument, { input }, EDITOR_KEY);
      expect({ id: input.id, codes: codes(answer) }).toEqual({ id: input.id, codes: [code] });
    }
    expect((await stats())?.nodes).toBe(nodesBefore);
    expect(await auditCount()).toBe(auditBefore);
  });
});

describe('updateNode', () => {
  it('sets properties, adds the provenance to the sources and records before and after', async () => {
    const answer = await call(
      server,
      UpdateNodeDocument,
      { input: { id: 'city:karachi', aliases: ['Karachi City'], provenance: { doc: 'doc:000', quote: KARACHI_QUOTE } } },
      EDITOR_KEY,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.updateNode.node.aliases).toEqual(['Karachi City']);
    expect(answer.data?.updateNode.node.sources).toContainEqual({ quote: KARACHI_QUOTE, url: null, document: { id: 'doc:000' } });
    const audit = answer.data?.updateNode.audit;
    expect(audit?.action).toBe('UPDATE_NODE');
    expect(JSON.parse(audit?.before ?? 'null')).toMatchObject({ id: 'city:karachi', name: 'Karachi' });
    expect(JSON.parse(audit?.after ?? 'null')).toMatchObject({ id: 'city:karachi', aliases: ['Karachi City'] });
  });

  it('answers NOT_FOUND for a node that does not exist and BAD_USER_INPUT when nothing changes', async () => {
    const missing = await call(
      server,
      UpdateNodeDocument,
      { input: { id: 'city:atlantis', name: 'A', provenance: fromDoc000 } },
      EDITOR_KEY,
    );
    expect(codes(missing)).toEqual(['NOT_FOUND']);
    const same = await call(server, UpdateNodeDocument, { input: { id: 'city:karachi', provenance: fromDoc000 } }, EDITOR_KEY);
    expect(codes(same)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('addRelation and removeRelation', () => {
  it('adds a relation the ontology allows, then removes it, both in the audit log', async () => {
    await call(server, CreateNodeDocument, { input: town('city:curated-r') }, EDITOR_KEY);
    const added = await call(
      server,
      AddRelationDocument,
      { input: { type: 'IN_COUNTRY', fromId: 'city:curated-r', toId: 'country:pk', provenance: fromDoc000 } },
      EDITOR_KEY,
    );
    expect(added.errors).toBeUndefined();
    expect(added.data?.addRelation.relation).toMatchObject({
      id: 'city:curated-r-IN_COUNTRY->country:pk',
      from: { id: 'city:curated-r' },
      to: { id: 'country:pk' },
    });
    const linked = await call(server, CuratedNodeDocument, { id: 'city:curated-r' });
    expect(linked.data?.node?.relations.edges.map((edge) => edge.node.id)).toEqual(['city:curated-r-IN_COUNTRY->country:pk']);

    const removed = await call(
      server,
      RemoveRelationDocument,
      {
        input: {
          id: 'city:curated-r-IN_COUNTRY->country:pk',
          provenance: { url: 'https://example.org/correction', quote: 'wrong country' },
        },
      },
      EDITOR_KEY,
    );
    expect(removed.errors).toBeUndefined();
    expect(removed.data?.removeRelation.relation).toBeNull();
    expect(removed.data?.removeRelation.audit).toMatchObject({ action: 'REMOVE_RELATION', after: null });
    expect(JSON.parse(removed.data?.removeRelation.audit.before ?? 'null')).toMatchObject({ type: 'IN_COUNTRY', to: 'country:pk' });
    const unlinked = await call(server, CuratedNodeDocument, { id: 'city:curated-r' });
    expect(unlinked.data?.node?.relations.totalCount).toBe(0);
  });

  it('refuses wrong endpoint labels, missing properties, unknown endpoints, duplicates and unknown relations', async () => {
    const relationsBefore = (await stats())?.relations;
    const refusals = [
      [{ type: 'IN_COUNTRY', fromId: 'country:pk', toId: 'city:karachi', provenance: fromDoc000 }, 'BAD_USER_INPUT'],
      [{ type: 'LEADS', fromId: 'person:murtaza-wahab', toId: 'city:korangi', provenance: fromDoc000 }, 'BAD_USER_INPUT'],
      [{ type: 'PARTICIPATED_IN', fromId: 'city:karachi', toId: 'event:nowhere', role: 'host', provenance: fromDoc000 }, 'NOT_FOUND'],
      [{ type: 'IN_COUNTRY', fromId: 'city:karachi', toId: 'country:pk', provenance: fromDoc000 }, 'CONFLICT'],
      [{ type: 'IN_COUNTRY', fromId: "city:x' OR 1=1", toId: 'country:pk', provenance: fromDoc000 }, 'BAD_USER_INPUT'],
    ] as const;
    for (const [input, code] of refusals) {
      const answer = await call(server, AddRelationDocument, { input }, EDITOR_KEY);
      expect({ input: input.type + input.fromId, codes: codes(answer) }).toEqual({ input: input.type + input.fromId, codes: [code] });
    }
    const unknown = await call(
      server,
      RemoveRelationDocument,
      { input: { id: 'city:karachi-IN_COUNTRY->country:in', provenance: fromDoc000 } },
      EDITOR_KEY,
    );
    expect(codes(unknown)).toEqual(['NOT_FOUND']);
    const malformed = await call(server, RemoveRelationDocument, { input: { id: 'not a relation', provenance: fromDoc000 } }, EDITOR_KEY);
    expect(codes(malformed)).toEqual(['BAD_USER_INPUT']);
    expect((await stats())?.relations).toBe(relationsBefore);
  });
});

describe('addRelation with confidence, throughIds and atId', () => {
  it('adds an INFERRED commitment example naming its programme, and a lesson learned at an event', async () => {
    await call(server, CreateNodeDocument, { input: town('city:curated-x') }, EDITOR_KEY);
    await call(
      server,
      AddRelationDocument,
      { input: { type: 'IN_COUNTRY', fromId: 'city:curated-x', toId: 'country:pk', provenance: fromDoc000 } },
      EDITOR_KEY,
    );
    const example = await call(
      server,
      AddRelationDocument,
      {
        input: {
          type: 'ADVANCES',
          fromId: 'city:curated-x',
          toId: 'commitment:1',
          confidence: 'INFERRED',
          note: 'the programme it names implies the commitment',
          throughIds: ['prog:neighbourhood-care-projects', 'org:citizens-police-liaison-committee'],
          provenance: fromDoc000,
        },
      },
      EDITOR_KEY,
    );
    expect(example.errors).toBeUndefined();
    expect(example.data?.addRelation.relation).toMatchObject({
      confidence: 'INFERRED',
      note: 'the programme it names implies the commitment',
      through: [{ id: 'prog:neighbourhood-care-projects' }, { id: 'org:citizens-police-liaison-committee' }],
      at: null,
    });
    const lesson = await call(
      server,
      AddRelationDocument,
      {
        input: {
          type: 'LEARNED_FROM',
          fromId: 'city:curated-x',
          toId: 'city:karachi',
          atId: 'event:south-asia-regional-workshop-2023-08',
          provenance: fromDoc000,
        },
      },
      EDITOR_KEY,
    );
    expect(lesson.errors).toBeUndefined();
    expect(lesson.data?.addRelation.relation).toMatchObject({
      confidence: 'STATED',
      at: { id: 'event:south-asia-regional-workshop-2023-08' },
    });
  });

  it('refuses a graded relation without a note, wrong labels in throughIds or atId, and names that do not exist', async () => {
    await call(server, CreateNodeDocument, { input: town('city:curated-y') }, EDITOR_KEY);
    const relationsBefore = (await stats())?.relations;
    const advances: AddRelationInput = { type: 'ADVANCES', fromId: 'city:curated-y', toId: 'commitment:2', provenance: fromDoc000 };
    const learned: AddRelationInput = { type: 'LEARNED_FROM', fromId: 'city:curated-y', toId: 'city:karachi', provenance: fromDoc000 };
    const refusals: [string, AddRelationInput, string][] = [
      ['DOUBTFUL without a note', { ...advances, confidence: 'DOUBTFUL' }, 'BAD_USER_INPUT'],
      ['INFERRED without a note', { ...advances, confidence: 'INFERRED' }, 'BAD_USER_INPUT'],
      ['a Country in throughIds', { ...advances, throughIds: ['country:pk'] }, 'BAD_USER_INPUT'],
      ['an Event in throughIds', { ...advances, throughIds: ['event:south-asia-regional-workshop-2023-08'] }, 'BAD_USER_INPUT'],
      ['an unknown programme in throughIds', { ...advances, throughIds: ['prog:nowhere'] }, 'NOT_FOUND'],
      ['throughIds on a relation that is not ADVANCES', { ...learned, throughIds: ['prog:neighbourhood-care-projects'] }, 'BAD_USER_INPUT'],
      ['a City as atId', { ...learned, atId: 'city:colombo' }, 'BAD_USER_INPUT'],
      ['a Programme as atId', { ...learned, atId: 'prog:neighbourhood-care-projects' }, 'BAD_USER_INPUT'],
      ['an unknown event as atId', { ...learned, atId: 'event:nowhere' }, 'NOT_FOUND'],
      ['a malformed id in throughIds', { ...advances, throughIds: ['not an id'] }, 'BAD_USER_INPUT'],
    ];
    for (const [what, input, code] of refusals) {
      const answer = await call(server, AddRelationDocument, { input }, EDITOR_KEY);
      expect({ what, codes: codes(answer) }).toEqual({ what, codes: [code] });
    }
    const wrongLabel = await call(server, AddRelationDocument, { input: { ...learned, atId: 'city:colombo' } }, EDITOR_KEY);
    expect(wrongLabel.errors?.[0]?.message).toMatch(/at "city:colombo" is a City; at must name a Event/u);
    expect((await stats())?.relations).toBe(relationsBefore);
  });
});

describe('auditLog', () => {
  it('pages newest first with cursors and filters by entity', async () => {
    const first = await call(server, AuditLogDocument, { first: 2 }, READER_KEY);
    const connection = first.data?.auditLog;
    expect(connection?.edges).toHaveLength(2);
    const seqs = connection?.edges.map((edge) => edge.node.seq) ?? [];
    expect(seqs[0]).toBeGreaterThan(seqs[1] ?? Infinity);
    const second = await call(server, AuditLogDocument, { first: 2, after: connection?.pageInfo.endCursor }, READER_KEY);
    expect(second.data?.auditLog.edges[0]?.node.seq).toBe((seqs[1] ?? 0) - 1);

    const karachi = await call(server, AuditLogDocument, { first: 10, entityId: 'city:karachi' }, READER_KEY);
    expect(karachi.data?.auditLog.edges.map((edge) => [edge.node.entityId, edge.node.editor])).toEqual([['city:karachi', 'alice']]);
  });

  it('needs a key, and refuses a cursor it did not issue', async () => {
    expect(codes(await call(server, AuditLogDocument, { first: 1 }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await call(server, AuditLogDocument, { first: 1, after: 'bm9wZQ' }, READER_KEY))).toEqual(['BAD_USER_INPUT']);
  });
});
