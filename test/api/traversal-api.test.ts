/**
 * Traversal and analytics over real HTTP on the seed graph: shapes, bounds and errors.
 * Expected answers rest on the sources as the traversal contract says (doc:001 Mombasa–
 * Kristiansand exchange; doc:000 and doc:001 World Bank partnerships).
 */
import {
  CentralityDocument,
  CommonPartnersDocument,
  CommunitiesDocument,
  CommunityBindingsDocument,
  PeerNetworkDocument,
  SharedPartnersDocument,
  ShortestPathDocument,
  SimilarCitiesDocument,
  SubgraphDocument,
  SuggestedPeersDocument,
} from '../operations.generated';
import { MemoryGraphStore } from '../../src/store/memory/MemoryGraphStore';
import { FIXTURE_GRAPH } from '../contract/fixture-graph';
import { errorCodes, execute, startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

describe('peerNetwork', () => {
  it('returns Kristiansand one hop from Mombasa via the exchange event', async () => {
    const response = await execute(server, PeerNetworkDocument, { cityId: 'city:mombasa', maxHops: 2 });
    expect(response.data?.peerNetwork).toEqual({
      city: { id: 'city:mombasa' },
      maxHops: 2,
      eventKinds: ['EXCHANGE'],
      peers: [
        {
          hops: 1,
          node: { __typename: 'City', id: 'city:kristiansand', type: 'CITY', name: expect.any(String) },
          via: [{ id: 'event:mombasa-kristiansand-exchange', kind: 'EXCHANGE' }],
          through: [],
          learnedFrom: false,
        },
      ],
    });
  });

  // doc:001: Munira Hamisi of Mombasa's governor's office spoke at the city-led action session
  // beside the mayor of Saida and the deputy mayor of Blantyre.
  it('gains the cities its officials met when meetings count, naming the people', async () => {
    const response = await execute(server, PeerNetworkDocument, {
      cityId: 'city:mombasa',
      maxHops: 1,
      eventKinds: ['EXCHANGE', 'MEETING'],
    });
    const peers = response.data?.peerNetwork.peers ?? [];
    expect(peers.map((peer) => peer.node.id)).toEqual(['city:blantyre', 'city:kristiansand', 'city:saida']);
    expect(peers.find((peer) => peer.node.id === 'city:saida')?.through.map((person) => person.id)).toEqual([
      'person:mohamed-el-seoudi',
      'person:munira-hamisi',
    ]);
    expect(response.data?.peerNetwork.eventKinds).toEqual(['EXCHANGE', 'MEETING']);
  });

  it('keeps includeWorkshops as an alias of eventKinds [EXCHANGE, WORKSHOP], and refuses an empty eventKinds', async () => {
    const alias = await execute(server, PeerNetworkDocument, { cityId: 'city:mombasa', includeWorkshops: true });
    expect(alias.data?.peerNetwork.eventKinds).toEqual(['WORKSHOP', 'EXCHANGE']);
    const empty = await execute(server, PeerNetworkDocument, { cityId: 'city:mombasa', eventKinds: [] });
    expect(errorCodes(empty)).toEqual(['BAD_USER_INPUT']);
  });

  it('bounds maxHops at 6 and names the bound; unknown city is NOT_FOUND; a non-city is BAD_USER_INPUT', async () => {
    const tooFar = await execute(server, PeerNetworkDocument, { cityId: 'city:mombasa', maxHops: 7 });
    expect(errorCodes(tooFar)).toEqual(['BAD_USER_INPUT']);
    expect(tooFar.errors?.[0]?.message).toMatch(/maxHops.*6/);
    expect(errorCodes(await execute(server, PeerNetworkDocument, { cityId: 'city:atlantis' }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await execute(server, PeerNetworkDocument, { cityId: 'org:world-bank' }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('shortestPath', () => {
  it('returns nodes and relations in order, and null when no path fits the bound', async () => {
    const response = await execute(server, ShortestPathDocument, { fromId: 'city:karachi', toId: 'city:mombasa' });
    const path = response.data?.shortestPath;
    expect(path?.length).toBe(3);
    expect(path?.nodes.map((node) => node.id)).toHaveLength(4);
    path?.relations.forEach((relation, index) => {
      expect([relation.from.id, relation.to.id].sort()).toEqual([path.nodes[index]?.id, path.nodes[index + 1]?.id].sort());
    });
    const bounded = await execute(server, ShortestPathDocument, { fromId: 'city:karachi', toId: 'city:mombasa', maxHops: 2 });
    expect(bounded.errors).toBeUndefined();
    expect(bounded.data?.shortestPath).toBeNull();
  });

  it('answers NOT_FOUND for an unknown end and BAD_USER_INPUT beyond 6 hops', async () => {
    expect(errorCodes(await execute(server, ShortestPathDocument, { fromId: 'city:karachi', toId: 'person:nobody' }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(errorCodes(await execute(server, ShortestPathDocument, { fromId: 'city:karachi', toId: 'city:mombasa', maxHops: 9 }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});

describe('partners', () => {
  const programmeIds = ['prog:karachi-urban-management-capacity-building-project', 'prog:mombasa-fishing-communities-programme'];

  it('sharedPartners pairs the two World Bank programmes with a Jaccard score', async () => {
    const response = await execute(server, SharedPartnersDocument, { programmeIds });
    expect(response.data?.sharedPartners).toEqual([
      {
        a: { id: programmeIds[0] },
        b: { id: programmeIds[1] },
        partners: [{ id: 'org:world-bank', name: 'World Bank' }],
        shared: 1,
        jaccard: 1,
        score: expect.any(Number),
        weights: [{ partner: { id: 'org:world-bank' }, weight: expect.any(Number), programmes: 2 }],
      },
    ]);
  });

  it('commonPartners finds the World Bank, and rejects ids of the wrong kind or unknown', async () => {
    const response = await execute(server, CommonPartnersDocument, { ids: programmeIds });
    expect(response.data?.commonPartners.map((result) => result.partner)).toEqual([
      { id: 'org:world-bank', name: 'World Bank', kind: 'MULTILATERAL' },
    ]);
    const cities = await execute(server, CommonPartnersDocument, {
      ids: ['city:karachi', 'city:mombasa'],
      excludeIds: ['org:strong-cities-network'],
    });
    const worldBank = cities.data?.commonPartners.find((result) => result.partner.id === 'org:world-bank');
    expect(worldBank?.routes.map((route) => [route.from.id, route.via?.id, route.type])).toEqual(
      expect.arrayContaining([
        ['city:karachi', programmeIds[0], 'PARTNER_IN'],
        ['city:mombasa', programmeIds[1], 'PARTNER_IN'],
      ]),
    );
    expect(cities.data?.commonPartners.map((result) => result.partner.id)).not.toContain('org:strong-cities-network');
    expect(errorCodes(await execute(server, CommonPartnersDocument, { ids: ['person:murtaza-wahab'] }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await execute(server, CommonPartnersDocument, { ids: ['prog:nothing-here'] }))).toEqual(['NOT_FOUND']);
  });

  it('bounds first at 100', async () => {
    expect(errorCodes(await execute(server, SharedPartnersDocument, { first: 101 }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('subgraph', () => {
  it('is ready to draw: unique string ids across nodes and edges, a type on every element, deterministic', async () => {
    const response = await execute(server, SubgraphDocument, { ids: ['city:karachi'], depth: 2, limit: 300 });
    const graph = response.data?.subgraph;
    if (!graph) throw new Error(JSON.stringify(response.errors));
    const ids = [...graph.nodes.map((node) => node.id), ...graph.edges.map((edge) => edge.id)];
    expect(new Set(ids).size).toBe(ids.length);
    const nodeIds = new Set(graph.nodes.map((node) => node.id));
    for (const edge of graph.edges) {
      expect(nodeIds.has(edge.source) && nodeIds.has(edge.target)).toBe(true);
      expect(edge.type).toEqual(expect.any(String));
    }
    expect(graph.nodes.every((node) => node.type && node.x === null)).toBe(true);
    const again = await execute(server, SubgraphDocument, { ids: ['city:karachi'], depth: 2, limit: 300 });
    expect(again.data?.subgraph).toEqual(graph);
  });

  it('returns positions for a layout, and flags truncation at the limit', async () => {
    for (const layout of ['CIRCULAR', 'FORCEATLAS2'] as const) {
      const response = await execute(server, SubgraphDocument, { ids: ['city:karachi'], depth: 1, layout });
      expect(response.data?.subgraph.nodes.every((node) => typeof node.x === 'number' && typeof node.y === 'number')).toBe(true);
    }
    const cut = await execute(server, SubgraphDocument, { ids: ['city:karachi'], depth: 2, limit: 3 });
    expect(cut.data?.subgraph.nodes).toHaveLength(3);
    expect(cut.data?.subgraph.truncated).toBe(true);
  });

  it('filters by relation type and direction', async () => {
    const response = await execute(server, SubgraphDocument, {
      ids: ['city:karachi'],
      depth: 1,
      relationTypes: ['PART_OF'],
      direction: 'IN',
    });
    const types = new Set(response.data?.subgraph.edges.map((edge) => edge.type));
    expect(types).toEqual(new Set(['PART_OF']));
    expect(response.data?.subgraph.edges.every((edge) => edge.target === 'city:karachi')).toBe(true);
  });

  it('bounds depth at 6 and limit at 1000, naming them', async () => {
    const deep = await execute(server, SubgraphDocument, { ids: ['city:karachi'], depth: 7 });
    expect(errorCodes(deep)).toEqual(['BAD_USER_INPUT']);
    expect(deep.errors?.[0]?.extensions?.argumentName).toBe('depth');
    const wide = await execute(server, SubgraphDocument, { ids: ['city:karachi'], limit: 1001 });
    expect(wide.errors?.[0]?.extensions?.argumentName).toBe('limit');
    expect(errorCodes(await execute(server, SubgraphDocument, { ids: ['city:atlantis'] }))).toEqual(['NOT_FOUND']);
  });
});

describe('similarCities', () => {
  it('explains each suggestion by what the cities share', async () => {
    const response = await execute(server, SimilarCitiesDocument, { cityId: 'city:karachi', first: 50 });
    const mombasa = response.data?.similarCities.find((suggestion) => suggestion.city.id === 'city:mombasa');
    expect(mombasa?.shared).toContainEqual({
      reason: 'PARTNER',
      value: 'World Bank',
      node: { id: 'org:world-bank' },
      holders: expect.any(Number),
      weight: expect.any(Number),
    });
    const scores = response.data?.similarCities.map((suggestion) => suggestion.score) ?? [];
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });
});

describe('suggestedPeers', () => {
  it('gives the similarCities list as items, with the counts behind it', async () => {
    const listed = await execute(server, SimilarCitiesDocument, { cityId: 'city:mombasa', first: 5 });
    const response = await execute(server, SuggestedPeersDocument, { cityId: 'city:mombasa', first: 5 });
    const answer = response.data?.suggestedPeers;
    expect(answer?.items).toEqual(listed.data?.similarCities);
    expect(answer?.items).toHaveLength(5);
    // doc:001: Kristiansand, met in the exchange, is the one candidate left out.
    expect(answer).toMatchObject({ city: { id: 'city:mombasa' }, excludedCount: 1, emptyReason: null });
    expect(answer?.totalCount).toBe((answer?.candidateCount ?? 0) - 1);
    expect(answer?.totalCount).toBeGreaterThan(5);
  });

  // doc:004 "عمدة مارتا ناسزالي، بودابست الأول، المجر": Budapest's one item is Hungary, which only its
  // own District I shares.
  it('says why Budapest has no suggestion', async () => {
    const response = await execute(server, SuggestedPeersDocument, { cityId: 'city:budapest' });
    expect(response.data?.suggestedPeers).toEqual({
      city: { id: 'city:budapest' },
      items: [],
      totalCount: 0,
      itemCount: 1,
      candidateCount: 1,
      excludedCount: 1,
      emptyReason: 'ALL_CANDIDATES_EXCLUDED',
    });
  });

  it('refuses an unknown city and an id of another kind, as similarCities does', async () => {
    expect(errorCodes(await execute(server, SuggestedPeersDocument, { cityId: 'city:atlantis' }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await execute(server, SuggestedPeersDocument, { cityId: 'org:world-bank' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await execute(server, SuggestedPeersDocument, { cityId: 'city:mombasa', first: 0 }))).toEqual(['BAD_USER_INPUT']);
  });

  // The seed has no city without items or sharing none; the contract fixture has both (test/contract/fixture-graph.ts).
  describe('on the contract fixture', () => {
    let fixture: TestServer;
    beforeAll(async () => {
      const store = new MemoryGraphStore();
      await store.mergeGraph(FIXTURE_GRAPH);
      fixture = await startTestServer({ store, seed: false });
    });
    afterAll(async () => {
      await fixture.stop();
    });
    const none = { items: [], totalCount: 0, candidateCount: 0, excludedCount: 0 };

    it('says NO_SIGNALS for Karachi East, only a part of Karachi', async () => {
      const response = await execute(fixture, SuggestedPeersDocument, { cityId: 'city:karachi-east' });
      expect(response.data?.suggestedPeers).toEqual({
        city: { id: 'city:karachi-east' },
        ...none,
        itemCount: 0,
        emptyReason: 'NO_SIGNALS',
      });
    });

    it('says NOTHING_SHARED for Mombasa, the one Kenyan city, holding nothing else', async () => {
      const response = await execute(fixture, SuggestedPeersDocument, { cityId: 'city:mombasa' });
      expect(response.data?.suggestedPeers).toEqual({ city: { id: 'city:mombasa' }, ...none, itemCount: 1, emptyReason: 'NOTHING_SHARED' });
    });
  });
});

describe('analytics', () => {
  // doc:001 "في حين تعلمت فرق من تنزانيا وزنجبار والصومال من النهج الكيني": Tanzania, Zanzibar and Somalia
  // learned from Kenya, so Kenya lies on the 3 shortest paths between them; the 9 peers of the exchange
  // projection (Mombasa, Kristiansand, Jordan, Lebanon, the Netherlands and these four) give 28 pairs.
  it('reports raw and normalised betweenness over the peer links, and ties with their rank', async () => {
    const countries = await execute(server, CentralityDocument, { type: 'COUNTRY', metric: 'BETWEENNESS', first: 3 });
    expect(countries.data?.centrality[0]).toEqual({
      node: { id: 'country:ke', type: 'COUNTRY' },
      raw: 3,
      score: 0.107143,
      rank: 1,
      tied: 0,
    });
    const cities = await execute(server, CentralityDocument, { type: 'CITY', metric: 'DEGREE' });
    expect(cities.data?.centrality).toEqual([
      { node: { id: 'city:kristiansand', type: 'CITY' }, raw: 1, score: 0.125, rank: 1, tied: 2 },
      { node: { id: 'city:mombasa', type: 'CITY' }, raw: 1, score: 0.125, rank: 1, tied: 2 },
      { node: { id: 'city:zanzibar', type: 'CITY' }, raw: 1, score: 0.125, rank: 1, tied: 2 },
    ]);
  });

  it('refuses a node type the projection never holds', async () => {
    const people = await execute(server, CentralityDocument, { type: 'PERSON' });
    expect(errorCodes(people)).toEqual(['BAD_USER_INPUT']);
    expect(people.errors?.[0]?.message).toMatch(/EXCHANGE projection holds no PERSON/);
    const all = await execute(server, CentralityDocument, { type: 'PERSON', projection: 'ALL', first: 3 });
    expect(all.errors).toBeUndefined();
    expect(all.data?.centrality.every((entry) => entry.node.type === 'PERSON')).toBe(true);
  });

  it('ranks cities by centrality in the exchange projection, for each metric', async () => {
    for (const metric of ['DEGREE', 'BETWEENNESS', 'PAGERANK'] as const) {
      const response = await execute(server, CentralityDocument, { metric, first: 5 });
      const scores = response.data?.centrality ?? [];
      expect(scores.length).toBeGreaterThan(0);
      expect(scores.every((entry) => entry.node.type === 'CITY')).toBe(true);
      expect(scores.map((entry) => entry.score)).toEqual([...scores.map((entry) => entry.score)].sort((a, b) => b - a));
    }
  });

  it('finds organisations central in the partnership projection', async () => {
    const response = await execute(server, CentralityDocument, { type: 'ORGANIZATION', projection: 'PARTNERSHIP', first: 3 });
    expect(response.data?.centrality[0]?.node.id).toBe('org:strong-cities-network');
  });

  it('groups the exchange projection into communities, the same every time', async () => {
    const first = await execute(server, CommunitiesDocument, { projection: 'EXCHANGE' });
    const communities = first.data?.communities ?? [];
    const together = communities.find((community) => community.members.some((member) => member.id === 'city:mombasa'));
    expect(together?.members.map((member) => member.id)).toContain('city:kristiansand');
    const second = await execute(server, CommunitiesDocument, { projection: 'EXCHANGE' });
    expect(second.data?.communities).toEqual(communities);
  });

  it('says what binds a community: the Fragility Forum session its cities attended together', async () => {
    // Doc 001: Blantyre, Mombasa and Saida spoke at the World Bank Fragility Forum 2022
    // session on city-led action (a MEETING); counted as peer events, they form one community.
    const answer = await execute(server, CommunityBindingsDocument, { projection: 'EXCHANGE', eventKinds: ['MEETING'], first: 10 });
    expect(answer.errors).toBeUndefined();
    const communities = answer.data?.communities ?? [];
    const forum = communities.find((community) => community.members.some((member) => member.id === 'city:saida'));
    const memberIds = new Set(forum?.members.map((member) => member.id));
    expect([...memberIds]).toEqual(expect.arrayContaining(['city:blantyre', 'city:mombasa', 'city:saida']));
    const session = forum?.bindings.find((binding) => binding.node.id === 'event:fragility-forum-2022-city-led-action-session');
    expect(session?.memberIds).toEqual(expect.arrayContaining(['city:blantyre', 'city:mombasa', 'city:saida']));
    // Every binding is outside the community, joined to two or more members, most members first.
    for (const community of communities) {
      const inside = new Set(community.members.map((member) => member.id));
      const counts = community.bindings.map((binding) => binding.memberCount);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      for (const binding of community.bindings) {
        expect(inside.has(binding.node.id)).toBe(false);
        expect(binding.memberCount).toBeGreaterThanOrEqual(2);
        expect(binding.memberIds.every((id) => inside.has(id))).toBe(true);
        const relations = await server.store.getRelations({ nodeIds: [binding.node.id], direction: 'BOTH' });
        const joined = new Set(relations.flatMap((relation) => [relation.from, relation.to]).filter((id) => inside.has(id)));
        expect([...joined].sort()).toEqual(binding.memberIds);
      }
    }
  });
});
