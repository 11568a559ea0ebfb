/**
 * The traversal contract on the real seed graph: expected answers worked out by hand from
 * the source documents (each test names the document and sentence it rests on). Run
 * against each store like the base contract.
 */
import { loadSeed } from '../../src/ingest/load-seed';
import type { RelationType } from '../../src/domain/ontology';
import { SHORTEST_PATH_TIE_CAP, type GraphStore, type RelationsQuery } from '../../src/store/GraphStore';

/**
 * Every shortest undirected path between two nodes, as lists of relation ids from `fromId`,
 * found through the port's `getRelations` alone (a breadth-first search then every walk
 * down the distances): the oracle of the tie rule, independent of either store's search.
 */
async function allShortestPaths(
  store: GraphStore,
  fromId: string,
  toId: string,
  types?: readonly RelationType[],
): Promise<string[][]> {
  const neighbours = new Map<string, { readonly relationId: string; readonly other: string }[]>();
  const distance = new Map<string, number>([[toId, 0]]);
  let frontier = [toId];
  while (frontier.length > 0 && !distance.has(fromId)) {
    const relations = await store.getRelations({ nodeIds: frontier, direction: 'BOTH', ...(types ? { types } : {}) });
    const next: string[] = [];
    for (const relation of relations) {
      for (const [end, other] of [
        [relation.from, relation.to],
        [relation.to, relation.from],
      ] as const) {
        const list = neighbours.get(end) ?? [];
        list.push({ relationId: relation.id, other });
        neighbours.set(end, list);
      }
    }
    for (const node of frontier) {
      for (const { other } of neighbours.get(node) ?? []) {
        if (distance.has(other)) continue;
        distance.set(other, (distance.get(node) ?? 0) + 1);
        next.push(other);
      }
    }
    frontier = next;
  }
  const walk = (node: string): string[][] => {
    const left = distance.get(node) ?? Infinity;
    if (left === 0) return [[]];
    const seen = new Set<string>();
    return (neighbours.get(node) ?? []).flatMap(({ relationId, other }) => {
      if (distance.get(other) !== left - 1 || seen.has(relationId)) return [];
      seen.add(relationId);
      return walk(other).map((rest) => [relationId, ...rest]);
    });
  };
  return distance.has(fromId) ? walk(fromId) : [];
}

const compareIdLists = (a: readonly string[], b: readonly string[]): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
};

export function defineTraversalContract(storeName: string, createStore: () => Promise<GraphStore>): void {
  describe(`GraphStore traversal contract on the seed: ${storeName}`, () => {
    let store: GraphStore;

    beforeAll(async () => {
      store = await createStore();
      await store.clear();
      await store.mergeGraph(await loadSeed());
    });
    afterAll(async () => {
      await store.close();
    });

    describe('peerNetwork', () => {
      // doc:001: "ساعدت شبكة المدن القوية ... في تنظيم التبادلات الثنائية بين مدن من مختلف البلدان،
      // بما في ذلك مومباسا وكريستيانساند في النرويج" — a bilateral exchange between Mombasa and Kristiansand.
      it('finds the Mombasa–Kristiansand peer exchange of the Fragility Forum document', async () => {
        await expect(store.peerNetwork({ cityId: 'city:mombasa', maxHops: 3, eventKinds: ['exchange'] })).resolves.toEqual([
          { id: 'city:kristiansand', hops: 1, via: ['event:mombasa-kristiansand-exchange'] },
        ]);
        await expect(store.peerNetwork({ cityId: 'city:kristiansand', maxHops: 1, eventKinds: ['exchange'] })).resolves.toEqual([
          { id: 'city:mombasa', hops: 1, via: ['event:mombasa-kristiansand-exchange'] },
        ]);
      });

      // doc:001: "وبين البلديات الأردنية واللبنانية والهولندية" — the municipalities took part as
      // national groups, so the peers are countries, shown as such.
      it('shows countries that took part as a group as Country peers', async () => {
        const peers = await store.peerNetwork({ cityId: 'city:mombasa', maxHops: 2, eventKinds: ['exchange'] });
        expect(peers.map((peer) => peer.id)).not.toContain('country:jo');
        const network = await store.peerNetwork({ cityId: 'city:delhi', maxHops: 2, eventKinds: ['exchange', 'workshop'] });
        expect(network.filter((peer) => peer.id.startsWith('country:')).map((peer) => peer.id)).toEqual([
          'country:bd',
          'country:in',
          'country:lk',
          'country:mv',
          'country:pk',
        ]);
      });

      // doc:002: the Colombo workshop of 2–3 August 2023 brought together cities of Bangladesh, India,
      // the Maldives, Pakistan and Sri Lanka and showcased Delhi, Mardan and Trincomalee.
      it('counts workshops only when asked', async () => {
        await expect(store.peerNetwork({ cityId: 'city:delhi', maxHops: 2, eventKinds: ['exchange'] })).resolves.toEqual([]);
        const network = await store.peerNetwork({ cityId: 'city:delhi', maxHops: 2, eventKinds: ['exchange', 'workshop'] });
        const cities = network.filter((peer) => peer.id.startsWith('city:'));
        expect(cities).toEqual([
          { id: 'city:mardan', hops: 1, via: ['event:south-asia-regional-workshop-2023-08'] },
          { id: 'city:trincomalee', hops: 1, via: ['event:south-asia-regional-workshop-2023-08'] },
        ]);
      });
    });

    describe('shortestPath', () => {
      // doc:000 "انضمت KMC إلى شبكة المدن القوية في عام 2023" (Karachi joined the network);
      // doc:001 the network organised the Mombasa–Kristiansand exchange in which Mombasa took part.
      // No node touches both Karachi and Mombasa, so three relations is the shortest.
      it('joins Karachi and Mombasa in three relations, none within two', async () => {
        const path = await store.shortestPath({ fromId: 'city:karachi', toId: 'city:mombasa', maxHops: 6 });
        expect(path?.relations).toHaveLength(3);
        expect(path?.nodeIds[0]).toBe('city:karachi');
        expect(path?.nodeIds[3]).toBe('city:mombasa');
        path?.relations.forEach((relation, index) => {
          const ends = [path.nodeIds[index], path.nodeIds[index + 1]].sort();
          expect([relation.from, relation.to].sort()).toEqual(ends);
        });
        await expect(store.shortestPath({ fromId: 'city:karachi', toId: 'city:mombasa', maxHops: 2 })).resolves.toBeNull();
      });

      it('follows only the asked relation types', async () => {
        // Karachi's districts are PART_OF Karachi (doc:000 "يتم تنظيم كراتشي في سبع مناطق").
        const path = await store.shortestPath({ fromId: 'city:korangi', toId: 'city:malir', maxHops: 6, types: ['PART_OF'] });
        expect(path?.nodeIds).toEqual(['city:korangi', 'city:karachi', 'city:malir']);
        await expect(store.shortestPath({ fromId: 'city:korangi', toId: 'city:malir', maxHops: 6, types: ['LEADS'] })).resolves.toBeNull();
      });

      // The port's tie rule: among equally short paths, the one whose relation ids (from
      // `fromId`) sort first, element by element. Pairs with several shortest paths, checked
      // against every shortest path the port's getRelations shows.
      it.each([
        ['city:karachi', 'city:mombasa', undefined],
        ['city:mombasa', 'city:karachi', undefined],
        ['city:korangi', 'org:world-bank', undefined],
        ['city:delhi', 'city:mombasa', undefined],
        ['city:amman', 'city:mombasa', undefined],
        ['city:kristiansand', 'city:pristina', undefined],
        ['country:in', 'country:jo', undefined],
        ['city:amman', 'city:mombasa', ['PARTICIPATED_IN', 'IN_COUNTRY', 'HELD_IN', 'BASED_IN'] as const],
      ] as const)('picks %s → %s deterministically among equally short paths (types %j)', async (fromId, toId, types) => {
        const oracle = await allShortestPaths(store, fromId, toId, types);
        expect(oracle.length).toBeGreaterThan(1);
        // Beyond the cap Neo4j picks among the first SHORTEST_PATH_TIE_CAP paths it finds.
        expect(oracle.length).toBeLessThanOrEqual(SHORTEST_PATH_TIE_CAP);
        const [expected] = [...oracle].sort(compareIdLists);
        const path = await store.shortestPath({ fromId, toId, maxHops: 6, ...(types ? { types } : {}) });
        expect(path?.relations.map((relation) => relation.id)).toEqual(expected);
        expect(path?.nodeIds[0]).toBe(fromId);
        expect(path?.nodeIds[path.nodeIds.length - 1]).toBe(toId);
      });

      it('returns the single node for a path to itself, and null for unknown ends', async () => {
        await expect(store.shortestPath({ fromId: 'city:karachi', toId: 'city:karachi', maxHops: 6 })).resolves.toEqual({
          nodeIds: ['city:karachi'],
          relations: [],
        });
        await expect(store.shortestPath({ fromId: 'city:karachi', toId: 'city:atlantis', maxHops: 6 })).resolves.toBeNull();
      });
    });

    describe('partners', () => {
      const karachiProject = 'prog:karachi-urban-management-capacity-building-project';
      const mombasaFishing = 'prog:mombasa-fishing-communities-programme';

      // doc:000 "دخلت KMC في شراكة مع حكومة إقليم السند والبنك الدولي" (the World Bank in Karachi's
      // capacity-building project) and doc:001 "ومن خلال برنامج يموله البنك الدولي، تمكنت مقاطعة مومباسا"
      // (a World Bank-funded programme in Mombasa): one partner shared across two documents.
      it('finds the World Bank shared by programmes of two different documents', async () => {
        const overlaps = await store.sharedPartners({ programmeIds: [mombasaFishing, karachiProject], minShared: 1, first: 10 });
        expect(overlaps).toEqual([{ a: karachiProject, b: mombasaFishing, partnerIds: ['org:world-bank'], jaccard: 1 }]);
        await expect(store.commonPartners([karachiProject, mombasaFishing])).resolves.toEqual(['org:world-bank']);
      });

      // doc:004 B4 "من خلال شراكات مع منظمات مثل إدارة التعليم في مدينة نيويورك ، ومؤسسة كونيغ
      // لسرطان الأطفال، وسوق كوينز الليلي" and it is led by OPHC and the Community Affairs Unit.
      it('lists every partner of a programme as common to it alone, and honours minShared', async () => {
        const b4 = await store.commonPartners(['prog:breaking-bread-building-bonds']);
        expect(b4).toEqual(
          expect.arrayContaining(['org:nyc-department-of-education', 'org:koenig-childrens-cancer-foundation', 'org:queens-night-market']),
        );
        await expect(store.sharedPartners({ programmeIds: [karachiProject, mombasaFishing], minShared: 2, first: 10 })).resolves.toEqual([]);
      });

      it('ranks pairs by Jaccard, highest first, and honours first', async () => {
        const overlaps = await store.sharedPartners({ minShared: 1, first: 5 });
        expect(overlaps).toHaveLength(5);
        const scores = overlaps.map((overlap) => overlap.jaccard);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
      });
    });

    describe('subgraph', () => {
      it('expands Karachi by one hop: its country, mayor, districts, partners — deterministic and bounded', async () => {
        const result = await store.subgraph({ ids: ['city:karachi'], depth: 1, direction: 'BOTH', limit: 1000 });
        const ids = result.nodes.map((entry) => entry.node.id);
        expect(ids[0]).toBe('city:karachi');
        expect(ids).toEqual(expect.arrayContaining(['country:pk', 'person:murtaza-wahab', 'city:korangi', 'org:world-bank']));
        expect(result.truncated).toBe(false);
        const both: RelationsQuery = { nodeIds: ['city:karachi'], direction: 'BOTH' };
        expect(result.nodes).toHaveLength(1 + new Set((await store.getRelations(both)).map((r) => (r.from === 'city:karachi' ? r.to : r.from))).size);
        for (const relation of result.relations) expect(ids).toEqual(expect.arrayContaining([relation.from, relation.to]));
        const again = await store.subgraph({ ids: ['city:karachi'], depth: 1, direction: 'BOTH', limit: 1000 });
        expect(again).toEqual(result);
      });

      // Level by level, smallest ids first: a cut subgraph is the head of the uncut one, and a
      // limit equal to the whole neighbourhood is no cut.
      it('cuts a level at its smallest ids: the head of the uncut answer', async () => {
        const whole = await store.subgraph({ ids: ['city:karachi'], depth: 2, direction: 'BOTH', limit: 1000 });
        expect(whole.truncated).toBe(false);
        for (const limit of [1, 2, 7, whole.nodes.length - 1]) {
          const cut = await store.subgraph({ ids: ['city:karachi'], depth: 2, direction: 'BOTH', limit });
          expect(cut.nodes).toEqual(whole.nodes.slice(0, limit));
          expect(cut.truncated).toBe(true);
        }
        const exact = await store.subgraph({ ids: ['city:karachi'], depth: 2, direction: 'BOTH', limit: whole.nodes.length });
        expect(exact).toEqual(whole);
      });

      it('cuts at the limit and says so', async () => {
        const result = await store.subgraph({ ids: ['city:karachi'], depth: 2, direction: 'BOTH', limit: 5 });
        expect(result.nodes).toHaveLength(5);
        expect(result.truncated).toBe(true);
      });
    });

    describe('similarCities', () => {
      // doc:001: Mombasa's programme is World Bank funded; doc:000: the World Bank partners Karachi.
      it('suggests Mombasa to Karachi for the World Bank they share, and never Karachi itself or its parts', async () => {
        const suggestions = await store.similarCities({ cityId: 'city:karachi', first: 100 });
        const mombasa = suggestions.find((suggestion) => suggestion.cityId === 'city:mombasa');
        expect(mombasa?.shared).toEqual(expect.arrayContaining([{ reason: 'PARTNER', value: 'org:world-bank' }]));
        const ids = suggestions.map((suggestion) => suggestion.cityId);
        expect(ids).not.toContain('city:karachi');
        expect(ids).not.toContain('city:sindh');
        expect(ids).not.toContain('city:korangi');
      });

      it('leaves out cities already met in an exchange', async () => {
        const suggestions = await store.similarCities({ cityId: 'city:mombasa', first: 100 });
        expect(suggestions.map((suggestion) => suggestion.cityId)).not.toContain('city:kristiansand');
      });
    });

    describe('project', () => {
      it('projects exchanges and workshops onto their City and Country participants', async () => {
        const projection = await store.project('EXCHANGE');
        expect(projection.nodes.every((node) => node.label === 'City' || node.label === 'Country')).toBe(true);
        expect(projection.edges).toContainEqual({ source: 'city:kristiansand', target: 'city:mombasa', weight: 1 });
      });

      it('projects partnerships onto organisations and what they partner in', async () => {
        const projection = await store.project('PARTNERSHIP');
        expect(projection.edges).toContainEqual({ source: 'org:world-bank', target: 'prog:mombasa-fishing-communities-programme', weight: 1 });
        expect(projection.edges.every((edge) => edge.source.startsWith('org:') || edge.target.startsWith('org:'))).toBe(true);
      });
    });

    describe('countRelations', () => {
      it('counts what getRelations returns', async () => {
        const query: RelationsQuery = { nodeIds: ['city:karachi'], direction: 'BOTH', types: ['PART_OF', 'LEADS'] };
        await expect(store.countRelations(query)).resolves.toBe((await store.getRelations(query)).length);
      });
    });
  });
}
