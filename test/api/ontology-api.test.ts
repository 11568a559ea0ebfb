/**
 * The ontology v2 fields over real HTTP against the real seed graph: commitment examples,
 * confidence and minConfidence, `through`, the typed fields of HELD_IN, BASED_IN,
 * TAKES_PART_IN, LEARNED_FROM and PART_OF, and search with real Urdu spellings.
 */
import type { GraphData } from '../../src/domain/graph-document';
import { normalizeWhitespace } from '../../src/domain/text';
import { validateGraph } from '../../src/domain/validate-graph';
import { readSeed } from '../../src/ingest/read-seed';
import {
  CityLinksDocument,
  CommitmentExamplesDocument,
  CountryLinksDocument,
  DeclarationAdoptedAtDocument,
  EventLinksDocument,
  OrganizationLinksDocument,
  ProgrammeLinksDocument,
  RelationsAtLeastDocument,
  SearchDocument,
  SubgraphAtLeastDocument,
} from '../operations.generated';
import { errorCodes, execute, startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let sourceTextByDoc: Map<string, string>;
let seed: GraphData;

beforeAll(async () => {
  server = await startTestServer();
  const input = await readSeed();
  const { sourceTexts } = input;
  seed = validateGraph(input).graph;
  sourceTextByDoc = new Map([...sourceTexts].map(([file, text]) => [`doc:${file.slice(0, 3)}`, normalizeWhitespace(text)]));
});
afterAll(async () => {
  await server.stop();
});

const idsOf = (items: readonly { readonly id: string }[] | undefined): string[] => (items ?? []).map((item) => item.id);

describe('Commitment.examples', () => {
  it('lists Highland Park, Masaka, Portsmouth and Strasbourg under commitment 1, each with its verbatim sentence', async () => {
    const response = await execute(server, CommitmentExamplesDocument, { id: 'commitment:1' });
    expect(response.errors).toBeUndefined();
    const commitment = response.data?.node;
    if (commitment?.__typename !== 'Commitment') throw new Error(`expected a Commitment, got ${commitment?.__typename}`);
    const cities = commitment.examples.map((example) => example.city?.id);
    expect(cities).toEqual(expect.arrayContaining(['city:highland-park', 'city:masaka', 'city:portsmouth', 'city:strasbourg']));
    for (const example of commitment.examples) {
      expect(example.commitment.id).toBe('commitment:1');
      expect(example.quote).toBe(example.sources[0]?.quote);
      for (const source of example.sources) {
        expect(sourceTextByDoc.get(source.document?.id ?? '')).toContain(normalizeWhitespace(source.quote));
      }
      // Every part of the example is one ADVANCES hop from the commitment.
      expect(example.relations.every((relation) => relation.type === 'ADVANCES')).toBe(true);
    }
  });

  it("lists a through-example's programmes, and does not list those programmes again as examples of their own", async () => {
    const response = await execute(server, CommitmentExamplesDocument, { id: 'commitment:1' });
    const commitment = response.data?.node;
    if (commitment?.__typename !== 'Commitment') throw new Error('expected a Commitment');
    const addu = commitment.examples.find((example) => example.city?.id === 'city:addu');
    expect(idsOf(addu?.programmes)).toEqual(['prog:addu-town-hall-meetings']);
    expect(addu?.relations[0]?.through.map((node) => node.id)).toEqual(['prog:addu-town-hall-meetings']);
    const standalone = commitment.examples.filter((example) => example.city === null);
    expect(standalone.flatMap((example) => idsOf(example.programmes))).not.toContain('prog:addu-town-hall-meetings');
    for (const example of standalone) {
      expect(example.programmes.length + example.organizations.length + example.events.length).toBe(1);
    }
  });

  it("is one hop from the city: City.commitmentExamples gives the city's own examples", async () => {
    const response = await execute(server, CityLinksDocument, { id: 'city:addu' });
    const city = response.data?.node;
    if (city?.__typename !== 'City') throw new Error('expected a City');
    const first = city.commitmentExamples.find((example) => example.commitment.number === 1);
    expect(idsOf(first?.programmes)).toEqual(['prog:addu-town-hall-meetings']);
    expect(first?.quote.length).toBeGreaterThan(12);
  });
});

describe('confidence and minConfidence', () => {
  const relationsOf = async (id: string, minConfidence?: 'STATED' | 'INFERRED' | 'DOUBTFUL') => {
    const response = await execute(server, RelationsAtLeastDocument, { id, ...(minConfidence ? { minConfidence } : {}) });
    expect(response.errors).toBeUndefined();
    return response.data?.node?.relations;
  };

  it("filters a node's relations: STATED keeps only STATED, INFERRED keeps STATED and INFERRED", async () => {
    // The declaration's endorsements include titles graded DOUBTFUL; Karachi PART_OF Sindh is INFERRED.
    for (const id of ['decl:nyc-mayors-declaration', 'city:karachi']) {
      const all = await relationsOf(id);
      const levels = new Set(all?.edges.map((edge) => edge.node.confidence));
      expect({ id, weaker: levels.has('INFERRED') || levels.has('DOUBTFUL') }).toEqual({ id, weaker: true });
      const stated = await relationsOf(id, 'STATED');
      expect(stated?.edges.every((edge) => edge.node.confidence === 'STATED')).toBe(true);
      const inferred = await relationsOf(id, 'INFERRED');
      expect(inferred?.edges.every((edge) => edge.node.confidence !== 'DOUBTFUL')).toBe(true);
      // The seed itself is the oracle for the counts (a page holds at most 100 relations).
      const touching = seed.relations.filter((relation) => relation.from === id || relation.to === id);
      const count = (level: string) => touching.filter((relation) => relation.confidence === level).length;
      expect(all?.totalCount).toBe(touching.length);
      expect(stated?.totalCount).toBe(count('STATED'));
      expect(inferred?.totalCount).toBe(count('STATED') + count('INFERRED'));
    }
  });

  it('every INFERRED or DOUBTFUL relation carries a note', async () => {
    const all = await relationsOf('decl:nyc-mayors-declaration');
    const graded = all?.edges.filter((edge) => edge.node.confidence !== 'STATED') ?? [];
    expect(graded.length).toBeGreaterThan(0);
    for (const edge of graded) expect(edge.node.note?.length ?? 0).toBeGreaterThan(0);
  });

  it('subgraph follows and returns only relations at least as sure as minConfidence', async () => {
    const all = await execute(server, SubgraphAtLeastDocument, { ids: ['city:karachi'], depth: 1 });
    const stated = await execute(server, SubgraphAtLeastDocument, { ids: ['city:karachi'], depth: 1, minConfidence: 'STATED' });
    expect(stated.errors).toBeUndefined();
    expect(all.data?.subgraph.edges.some((edge) => edge.confidence === 'INFERRED')).toBe(true);
    expect(stated.data?.subgraph.edges.every((edge) => edge.confidence === 'STATED')).toBe(true);
    expect(stated.data?.subgraph.edges.length).toBeLessThan(all.data?.subgraph.edges.length ?? 0);
  });

  it('answers a validation error for a confidence that is not one of the three', async () => {
    const response = await execute(server, RelationsAtLeastDocument, {
      id: 'city:karachi',
      minConfidence: 'CERTAIN' as unknown as 'STATED',
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('typed fields of the v2 relations', () => {
  it('Event.heldIn, partOf and participants: the August 2023 workshop in Colombo, part of the hub, with its showcased cities', async () => {
    const response = await execute(server, EventLinksDocument, { id: 'event:south-asia-regional-workshop-2023-08' });
    const event = response.data?.node;
    if (event?.__typename !== 'Event') throw new Error('expected an Event');
    expect(event.heldIn).toEqual([expect.objectContaining({ id: 'city:colombo', type: 'CITY' })]);
    expect(event.partOf).toEqual({ id: 'prog:scn-south-asia-regional-hub', type: 'PROGRAMME' });
    const showcased = event.participants
      .filter((participant) => participant.role === 'showcased')
      .map((participant) => participant.from.id);
    expect(showcased.sort()).toEqual(['city:delhi', 'city:mardan', 'city:trincomalee']);
  });

  it('Event.parts and declarations, Declaration.adoptedAt: the summit, its mayoral meeting and the declaration adopted there', async () => {
    const summit = await execute(server, EventLinksDocument, { id: 'event:fourth-global-summit-2023' });
    if (summit.data?.node?.__typename !== 'Event') throw new Error('expected an Event');
    expect(idsOf(summit.data.node.parts)).toContain('event:fourth-global-summit-mayoral-meeting');
    const meeting = await execute(server, EventLinksDocument, { id: 'event:fourth-global-summit-mayoral-meeting' });
    if (meeting.data?.node?.__typename !== 'Event') throw new Error('expected an Event');
    expect(meeting.data.node.partOf).toEqual({ id: 'event:fourth-global-summit-2023', type: 'EVENT' });
    expect(idsOf(meeting.data.node.declarations)).toEqual(['decl:nyc-mayors-declaration']);
    const declaration = await execute(server, DeclarationAdoptedAtDocument, { id: 'decl:nyc-mayors-declaration' });
    if (declaration.data?.node?.__typename !== 'Declaration') throw new Error('expected a Declaration');
    expect(declaration.data.node.adoptedAt?.id).toBe('event:fourth-global-summit-mayoral-meeting');
  });

  it('City.eventsHeld, organizationsBased and takesPartIn; Organization.basedIn', async () => {
    const colombo = await execute(server, CityLinksDocument, { id: 'city:colombo' });
    if (colombo.data?.node?.__typename !== 'City') throw new Error('expected a City');
    expect(idsOf(colombo.data.node.eventsHeld)).toContain('event:south-asia-regional-workshop-2023-08');
    const karachi = await execute(server, CityLinksDocument, { id: 'city:karachi' });
    if (karachi.data?.node?.__typename !== 'City') throw new Error('expected a City');
    expect(idsOf(karachi.data.node.organizationsBased)).toContain('org:kmc-police');
    const berlin = await execute(server, CityLinksDocument, { id: 'city:berlin' });
    if (berlin.data?.node?.__typename !== 'City') throw new Error('expected a City');
    expect(berlin.data.node.takesPartIn).toContainEqual({ role: 'pilot', confidence: 'STATED', to: { id: 'prog:moderad' } });
    const police = await execute(server, OrganizationLinksDocument, { id: 'org:kmc-police' });
    if (police.data?.node?.__typename !== 'Organization') throw new Error('expected an Organization');
    expect(police.data.node.basedIn).toEqual({ id: 'city:karachi', type: 'CITY' });
  });

  it('Country.organizationsBased and learners: Denmark seats its ministry; Tanzania, Zanzibar and Somalia learned from Kenya', async () => {
    const denmark = await execute(server, CountryLinksDocument, { id: 'country:dk' });
    if (denmark.data?.node?.__typename !== 'Country') throw new Error('expected a Country');
    expect(idsOf(denmark.data.node.organizationsBased)).toContain('org:ministry-of-foreign-affairs-denmark');
    const kenya = await execute(server, CountryLinksDocument, { id: 'country:ke' });
    if (kenya.data?.node?.__typename !== 'Country') throw new Error('expected a Country');
    expect(kenya.data.node.learners.map((learner) => learner.from.id)).toEqual(
      expect.arrayContaining(['country:tz', 'city:zanzibar', 'country:so']),
    );
  });

  it('Programme.participants, partOf and parts', async () => {
    const moderad = await execute(server, ProgrammeLinksDocument, { id: 'prog:moderad' });
    if (moderad.data?.node?.__typename !== 'Programme') throw new Error('expected a Programme');
    expect(moderad.data.node.participants).toContainEqual({ role: 'pilot', from: { id: 'city:berlin' } });
    const hub = await execute(server, ProgrammeLinksDocument, { id: 'prog:scn-south-asia-regional-hub' });
    if (hub.data?.node?.__typename !== 'Programme') throw new Error('expected a Programme');
    expect(hub.data.node.parts).toContainEqual({ id: 'event:south-asia-regional-workshop-2023-08', type: 'EVENT' });
    const mombasaPlan = await execute(server, ProgrammeLinksDocument, { id: 'prog:mombasa-county-action-plan' });
    if (mombasaPlan.data?.node?.__typename !== 'Programme') throw new Error('expected a Programme');
    expect(mombasaPlan.data.node.partOf?.id).toBe('prog:kenya-county-action-plans');
  });
});

describe('search with Urdu spellings', () => {
  // Urdu writes ک (keheh), ی (Farsi yeh), ہ (heh goal) and چ where the Arabic source has ك, ي, ه and تش.
  it.each([
    ['کراچی', 'city:karachi'],
    ['پاکستان', 'country:pk'],
    ['کینیا', 'country:ke'],
    ['مرتضیٰ وہاب', 'person:murtaza-wahab'],
  ])('%s finds %s first, as an exact match', async (text, id) => {
    expect(text).toMatch(/[کیہچپ]/u);
    const response = await execute(server, SearchDocument, { text, first: 5 });
    expect(response.errors).toBeUndefined();
    expect(response.data?.search[0]).toMatchObject({ node: { id }, exact: true });
  });
});
