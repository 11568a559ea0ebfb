/**
 * The traversal contract on the real seed graph: expected answers worked out by hand from
 * the source documents (each test names the document and sentence it rests on). Run
 * against each store like the base contract.
 */
import { EVENT_KINDS } from '../../src/domain/ontology';
import { loadSeed } from '../../src/ingest/load-seed';
import type { RelationType } from '../../src/domain/ontology';
import { SHORTEST_PATH_TIE_CAP, type GraphStore, type RelationsQuery } from '../../src/store/GraphStore';

/**
 * Every shortest undirected path between two nodes, as lists of relation ids from `fromId`,
 * found through the port's `getRelations` alone (a breadth-first search then every walk
 * down the distances): the oracle of the tie rule, independent of either store's search.
 */
async function allShortestPaths(store: GraphStore, fromId: string, toId: string, types?: readonly RelationType[]): Promise<string[][]> {
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
        const link = { via: ['event:mombasa-kristiansand-exchange'], through: [], learnedFrom: false };
        await expect(store.peerNetwork({ cityId: 'city:mombasa', maxHops: 3, eventKinds: ['exchange'] })).resolves.toEqual([
          { id: 'city:kristiansand', hops: 1, ...link },
        ]);
        await expect(store.peerNetwork({ cityId: 'city:kristiansand', maxHops: 1, eventKinds: ['exchange'] })).resolves.toEqual([
          { id: 'city:mombasa', hops: 1, ...link },
        ]);
      });

      // doc:001, the city-led action session of the Fragility Forum: speakers "منيرة حميسي, مدير مكافحة
      // التطرف العنيف والمشاركة المجتمعية، مكتب الحاكم، مومباسا" (Mombasa's official), "محمد السعودي, رئيس
      // بلدية صيدا" (Saida's mayor) and "بالابا مضحك كانوجيريرا, نائب عمدة بلانتاير" (Blantyre's deputy mayor).
      it('rolls people up to their cities: Mombasa meets the cities whose mayors spoke beside its official', async () => {
        const session = 'event:fragility-forum-2022-city-led-action-session';
        const speakers = ['person:balaba-funny-kanojerera', 'person:mohamed-el-seoudi', 'person:munira-hamisi'];
        const peers = await store.peerNetwork({ cityId: 'city:mombasa', maxHops: 1, eventKinds: ['exchange', 'meeting'] });
        expect(peers).toEqual([
          {
            id: 'city:blantyre',
            hops: 1,
            via: [session],
            through: ['person:balaba-funny-kanojerera', 'person:munira-hamisi'],
            learnedFrom: false,
          },
          { id: 'city:kristiansand', hops: 1, via: ['event:mombasa-kristiansand-exchange'], through: [], learnedFrom: false },
          { id: 'city:saida', hops: 1, via: [session], through: ['person:mohamed-el-seoudi', 'person:munira-hamisi'], learnedFrom: false },
        ]);
        expect(speakers.every((speaker) => peers.some((peer) => peer.through.includes(speaker)))).toBe(true);
      });

      // doc:001 "في حين تعلمت فرق من تنزانيا وزنجبار والصومال من النهج الكيني": teams from Tanzania,
      // Zanzibar and Somalia learned from the Kenyan approach — a peer link without an event.
      it('counts LEARNED_FROM as a peer link, whatever the event kinds, with countries as peers', async () => {
        await expect(store.peerNetwork({ cityId: 'city:zanzibar', maxHops: 2, eventKinds: ['exchange'] })).resolves.toEqual([
          { id: 'country:ke', hops: 1, via: [], through: [], learnedFrom: true },
          { id: 'country:so', hops: 2, via: [], through: [], learnedFrom: true },
          { id: 'country:tz', hops: 2, via: [], through: [], learnedFrom: true },
        ]);
      });

      // doc:002: the Colombo workshop of 2–3 August 2023 brought together cities of Bangladesh, India,
      // the Maldives, Pakistan and Sri Lanka and showcased Delhi, Mardan and Trincomalee: a showcased
      // city did not attend, so it meets no one there.
      it('does not count a showcased place as attending', async () => {
        await expect(store.peerNetwork({ cityId: 'city:delhi', maxHops: 2, eventKinds: ['exchange', 'workshop'] })).resolves.toEqual([]);
        await expect(store.peerNetwork({ cityId: 'city:mardan', maxHops: 2, eventKinds: [...EVENT_KINDS] })).resolves.toEqual([]);
      });

      it('answers nothing for an unknown city', async () => {
        await expect(store.peerNetwork({ cityId: 'city:atlantis', maxHops: 2, eventKinds: ['exchange'] })).resolves.toEqual([]);
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
        expect(overlaps).toEqual([
          {
            a: karachiProject,
            b: mombasaFishing,
            partnerIds: ['org:world-bank'],
            jaccard: 1,
            score: expect.any(Number),
            weights: [{ partnerId: 'org:world-bank', weight: expect.any(Number), holders: 2 }],
          },
        ]);
        await expect(store.commonPartners({ ids: [karachiProject, mombasaFishing] })).resolves.toEqual([
          {
            partnerId: 'org:world-bank',
            routes: [
              expect.objectContaining({ fromId: karachiProject, viaId: null, type: 'PARTNER_IN' }),
              expect.objectContaining({ fromId: mombasaFishing, viaId: null, type: 'PARTNER_IN' }),
            ],
          },
        ]);
      });

      // doc:004 B4 "من خلال شراكات مع منظمات مثل إدارة التعليم في مدينة نيويورك ، ومؤسسة كونيغ
      // لسرطان الأطفال، وسوق كوينز الليلي" and it is led by OPHC and the Community Affairs Unit.
      // doc:000 "دخلت KMC في شراكة مع حكومة إقليم السند والبنك الدولي" (Karachi's project) and doc:001
      // "ومن خلال برنامج يموله البنك الدولي، تمكنت مقاطعة مومباسا" (Mombasa's programme): the World Bank
      // backs a programme in each city, so it is their common partner through those programmes.
      it('routes common partners of cities through their programmes, and leaves out excluded hubs', async () => {
        const both = await store.commonPartners({ ids: ['city:karachi', 'city:mombasa'] });
        const worldBank = both.find((result) => result.partnerId === 'org:world-bank');
        expect(worldBank?.routes).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ fromId: 'city:karachi', viaId: karachiProject, type: 'PARTNER_IN' }),
            expect.objectContaining({ fromId: 'city:mombasa', viaId: mombasaFishing, type: 'PARTNER_IN' }),
          ]),
        );
        expect(both.map((result) => result.partnerId)).toContain('org:strong-cities-network');
        const withoutHub = await store.commonPartners({ ids: ['city:karachi', 'city:mombasa'], excludeIds: ['org:strong-cities-network'] });
        expect(withoutHub.map((result) => result.partnerId)).not.toContain('org:strong-cities-network');
        expect(withoutHub.map((result) => result.partnerId)).toContain('org:world-bank');
        await expect(store.commonPartners({ ids: ['city:karachi', 'city:atlantis'] })).resolves.toEqual([]);
      });

      it('lists every partner of a programme as common to it alone, and honours minShared', async () => {
        const b4 = (await store.commonPartners({ ids: ['prog:breaking-bread-building-bonds'] })).map((result) => result.partnerId);
        expect(b4).toEqual(
          expect.arrayContaining(['org:nyc-department-of-education', 'org:koenig-childrens-cancer-foundation', 'org:queens-night-market']),
        );
        await expect(store.sharedPartners({ programmeIds: [karachiProject, mombasaFishing], minShared: 2, first: 10 })).resolves.toEqual(
          [],
        );
      });

      it('ranks pairs by rarity-weighted score, highest first, and honours first', async () => {
        const overlaps = await store.sharedPartners({ minShared: 1, first: 5 });
        expect(overlaps).toHaveLength(5);
        const scores = overlaps.map((overlap) => overlap.score);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
        for (const overlap of overlaps) {
          expect(overlap.score).toBeCloseTo(
            overlap.weights.reduce((sum, item) => sum + item.weight, 0),
            5,
          );
        }
      });

      // The Strong Cities Network partners most of the network's own programmes (doc:002 and doc:003
      // name it as the author or organiser of each); the World Bank backs two (doc:000, doc:001).
      it('weighs a hub partner little: pairs sharing only the network rank below the World Bank pair', async () => {
        const overlaps = await store.sharedPartners({ minShared: 1, first: 100 });
        const worldBankPair = overlaps.findIndex((overlap) => overlap.partnerIds.includes('org:world-bank'));
        const hubOnly = overlaps.filter(
          (overlap) => overlap.partnerIds.length === 1 && overlap.partnerIds[0] === 'org:strong-cities-network',
        );
        expect(worldBankPair).toBeGreaterThanOrEqual(0);
        expect(hubOnly.length).toBeGreaterThan(0);
        for (const pair of hubOnly) expect(overlaps.indexOf(pair)).toBeGreaterThan(worldBankPair);
        const [hubWeight] = hubOnly[0]?.weights ?? [];
        const [worldBankWeight] = overlaps[worldBankPair]?.weights ?? [];
        expect(hubWeight?.weight).toBeLessThan(worldBankWeight?.weight ?? 0);
      });
    });

    describe('subgraph', () => {
      it('expands Karachi by one hop: its country, mayor, districts, partners — deterministic and bounded', async () => {
        const result = await store.subgraph({ ids: ['city:karachi'], depth: 1, direction: 'BOTH', limit: 1000 });
        const ids = result.nodes.map((entry) => entry.id);
        expect(ids[0]).toBe('city:karachi');
        expect(ids).toEqual(expect.arrayContaining(['country:pk', 'person:murtaza-wahab', 'city:korangi', 'org:world-bank']));
        expect(result.truncated).toBe(false);
        const both: RelationsQuery = { nodeIds: ['city:karachi'], direction: 'BOTH' };
        expect(result.nodes).toHaveLength(
          1 + new Set((await store.getRelations(both)).map((r) => (r.from === 'city:karachi' ? r.to : r.from))).size,
        );
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
      const suggestionsOf = async (cityId: string) => (await store.similarCities({ cityId, first: 100 }))?.suggestions ?? [];
      const ranked = async (cityId: string): Promise<string[]> => (await suggestionsOf(cityId)).map((suggestion) => suggestion.cityId);
      const above = (list: readonly string[], better: string, worse: string): void => {
        expect(list).toContain(better);
        const worseAt = list.indexOf(worse);
        if (worseAt >= 0) expect(list.indexOf(better)).toBeLessThan(worseAt);
      };

      // doc:001: Mombasa's programme is World Bank funded; doc:000: the World Bank partners Karachi.
      it('suggests Mombasa to Karachi for the World Bank they share, and never Karachi itself or its parts', async () => {
        const suggestions = await suggestionsOf('city:karachi');
        const mombasa = suggestions.find((suggestion) => suggestion.cityId === 'city:mombasa');
        expect(mombasa?.shared).toEqual(expect.arrayContaining([expect.objectContaining({ reason: 'PARTNER', value: 'org:world-bank' })]));
        const ids = suggestions.map((suggestion) => suggestion.cityId);
        expect(ids).not.toContain('city:karachi');
        expect(ids).not.toContain('city:sindh');
        expect(ids).not.toContain('city:korangi');
      });

      it('leaves out cities already met in an exchange, and counts them as excluded', async () => {
        expect(await ranked('city:mombasa')).not.toContain('city:kristiansand');
        // doc:001: Kristiansand, met in the exchange, is Mombasa's only linked city sharing an item with it.
        expect(await store.similarCities({ cityId: 'city:mombasa', first: 100 })).toMatchObject({ excludedCount: 1, emptyReason: null });
      });

      // doc:004 "عمدة مارتا ناسزالي، بودابست الأول، المجر": Budapest is named only as the whole of District I,
      // both in Hungary; the district is its one fellow Hungarian city and, being its part, is never suggested.
      it('says why Budapest gets no suggestion: its one candidate, District I, is its own part', async () => {
        expect(await store.similarCities({ cityId: 'city:budapest', first: 10 })).toEqual({
          suggestions: [],
          itemCount: 1,
          candidateCount: 1,
          excludedCount: 1,
          emptyReason: 'ALL_CANDIDATES_EXCLUDED',
        });
        expect(await ranked('city:budapest-district-1')).not.toContain('city:budapest');
      });

      // doc:000 "يتم تنظيم كراتشي في سبع مناطق": its seven districts are its parts, and Karachi is part of
      // Sindh; each shares an item with it (Pakistan at least), so all eight are candidates left out.
      it("counts Karachi's seven districts and Sindh as its excluded candidates", async () => {
        const result = await store.similarCities({ cityId: 'city:karachi', first: 100 });
        expect(result?.excludedCount).toBe(8);
        const listed = (await suggestionsOf('city:karachi')).map((suggestion) => suggestion.cityId);
        const districts = ['korangi', 'karachi-east', 'karachi-west', 'karachi-south', 'karachi-central', 'malir', 'keamari'];
        for (const linked of ['sindh', ...districts]) expect(listed).not.toContain(`city:${linked}`);
      });

      it('counts the candidates beyond the first asked, so the cut is visible', async () => {
        const all = await store.similarCities({ cityId: 'city:mombasa', first: 100 });
        const one = await store.similarCities({ cityId: 'city:mombasa', first: 1 });
        expect(one?.suggestions).toEqual(all?.suggestions.slice(0, 1));
        expect(one?.candidateCount).toBe(all?.candidateCount);
        expect(all?.suggestions.length).toBe((all?.candidateCount ?? 0) - (all?.excludedCount ?? 0));
      });

      it('answers null for an id that is no city of the graph', async () => {
        expect(await store.similarCities({ cityId: 'city:atlantis', first: 10 })).toBeNull();
        expect(await store.similarCities({ cityId: 'org:world-bank', first: 10 })).toBeNull();
      });

      // Relevance judgement, Karachi. doc:000 "انضمت KMC إلى شبكة المدن القوية في عام 2023" (a membership);
      // doc:004: the mayors of Larkana, Mardan, Nowshera, Peshawar and Toba Tek Singh endorsed the NYC Mayors
      // Declaration as Karachi's mayor did. Kumanovo's only tie to Karachi is the network (doc:002).
      it('Karachi: Pakistani co-endorsers outrank Kumanovo, whose only tie is the network, reported as a MEMBERSHIP', async () => {
        const suggestions = await suggestionsOf('city:karachi');
        const list = suggestions.map((suggestion) => suggestion.cityId);
        expect(list[0]).toBe('city:mombasa');
        for (const pakistani of ['city:larkana', 'city:mardan', 'city:nowshera', 'city:peshawar', 'city:toba-tek-singh']) {
          above(list, pakistani, 'city:kumanovo');
        }
        const kumanovo = suggestions.find((suggestion) => suggestion.cityId === 'city:kumanovo');
        expect(kumanovo?.shared.map((item) => item.reason)).not.toContain('PARTNER');
        expect(kumanovo?.shared.find((item) => item.value === 'org:strong-cities-network')?.reason).toBe('MEMBERSHIP');
      });

      // Relevance judgement, Mombasa. doc:001: its official spoke at the city-led action session beside
      // the mayor of Saida and the deputy mayor of Blantyre; doc:001 names Wajir's county action plan,
      // a Kenyan peer. New York City shares only the network and programme kinds.
      it('Mombasa: the cities met at the forum session and the Kenyan county rank above a city sharing only the hub', async () => {
        const list = await ranked('city:mombasa');
        expect(list.slice(0, 3)).toEqual(expect.arrayContaining(['city:saida', 'city:blantyre']));
        above(list, 'city:wajir', 'city:new-york-city');
        above(list, 'city:saida', 'city:new-york-city');
      });

      // Relevance judgement, Saida. doc:001: Saida's mayor spoke at the session with Blantyre's deputy mayor
      // and Mombasa's official; doc:004: Majdal Anjar, the other Lebanese endorser.
      it('Saida: Blantyre, Mombasa and the other Lebanese city rank above Karachi and Kumanovo', async () => {
        const list = await ranked('city:saida');
        for (const better of ['city:blantyre', 'city:mombasa', 'city:majdal-anjar']) {
          above(list, better, 'city:karachi');
          above(list, better, 'city:kumanovo');
        }
      });

      // Relevance judgement, Kumanovo. doc:004: Amman, Dortmund and Newark illustrate commitment 5 as
      // Kumanovo does; Aerodrom, Cair and Gostivar are North Macedonian endorsers.
      it('Kumanovo: cities illustrating the same commitment and Macedonian cities rank above Karachi', async () => {
        const list = await ranked('city:kumanovo');
        for (const better of ['city:amman', 'city:dortmund', 'city:newark', 'city:aerodrom', 'city:cair', 'city:gostivar']) {
          above(list, better, 'city:karachi');
        }
      });
    });

    describe('project', () => {
      it('projects peers exactly as peerNetwork links them (one definition): exchanges by default', async () => {
        const projection = await store.project('EXCHANGE');
        expect(projection.nodes.every((node) => node.label === 'City' || node.label === 'Country')).toBe(true);
        expect(projection.edges).toContainEqual({ source: 'city:kristiansand', target: 'city:mombasa', weight: 1 });
        expect(projection.edges).toContainEqual({ source: 'country:ke', target: 'country:tz', weight: 1 });
        // The workshop's attendees are no peers by default, as in peerNetwork.
        expect(projection.nodes.map((node) => node.id)).not.toContain('country:bd');
        for (const node of projection.nodes.filter((each) => each.label === 'City')) {
          const peers = await store.peerNetwork({ cityId: node.id, maxHops: 1, eventKinds: ['exchange'] });
          const neighbours = projection.edges.flatMap((edge) =>
            edge.source === node.id ? [edge.target] : edge.target === node.id ? [edge.source] : [],
          );
          expect(peers.map((peer) => peer.id).sort()).toEqual(neighbours.sort());
        }
      });

      // doc:004 "دعم عمدة المدينة جوزيف ماتوفو ... إنشاء بطولة رياضية": the mayor supported the tournament,
      // so Nansana Division attended it through him (no relation names the city itself).
      it('rolls people up in the projection too, for the kinds asked', async () => {
        const projection = await store.project('EXCHANGE', { eventKinds: ['tournament', 'meeting'] });
        expect(projection.nodes).toContainEqual({ id: 'city:nansana-division', label: 'City' });
        expect(projection.edges).toContainEqual({ source: 'city:mombasa', target: 'city:saida', weight: 1 });
      });

      it('projects partnerships onto organisations and what they partner in', async () => {
        const projection = await store.project('PARTNERSHIP');
        expect(projection.edges).toContainEqual({
          source: 'org:world-bank',
          target: 'prog:mombasa-fishing-communities-programme',
          weight: 1,
        });
        expect(projection.edges.every((edge) => edge.source.startsWith('org:') || edge.target.startsWith('org:'))).toBe(true);
      });
    });

    describe('listNodesWhere and organizationReach', () => {
      const ids = (page: { readonly nodes: readonly { readonly id: string }[] }): string[] => page.nodes.map((node) => node.id);

      // doc:000: KMC runs its public-spaces initiative and neighbourhood care projects and the
      // capacity-building project "دخلت KMC في شراكة مع حكومة إقليم السند والبنك الدولي".
      it('filters programmes by city and by partner', async () => {
        const karachi = await store.listNodesWhere({ label: 'Programme', first: 10, filters: { cityId: 'city:karachi' } });
        expect(ids(karachi)).toEqual([
          'prog:karachi-public-spaces-initiative',
          'prog:karachi-urban-management-capacity-building-project',
          'prog:neighbourhood-care-projects',
        ]);
        const worldBank = await store.listNodesWhere({ label: 'Programme', first: 10, filters: { partnerId: 'org:world-bank' } });
        expect(ids(worldBank)).toEqual([
          'prog:karachi-urban-management-capacity-building-project',
          'prog:mombasa-fishing-communities-programme',
        ]);
        const both = await store.listNodesWhere({
          label: 'Programme',
          first: 10,
          filters: { partnerId: 'org:world-bank', cityId: 'city:karachi' },
        });
        expect(ids(both)).toEqual(['prog:karachi-urban-management-capacity-building-project']);
      });

      // doc:000 and doc:002: the hub's inaugural workshop (February 2023) and the Colombo workshop
      // (2–3 August 2023); doc:004: the fourth global summit and its mayoral meeting, September 2023.
      it('filters events by a date range (a startDate of a year, month or day overlaps it) and kind, paging by cursor', async () => {
        const year = await store.listNodesWhere({ label: 'Event', first: 2, from: '2023', to: '2023' });
        expect(year.totalCount).toBe(4);
        expect(ids(year)).toEqual(['event:fourth-global-summit-2023', 'event:fourth-global-summit-mayoral-meeting']);
        expect(year.hasNextPage).toBe(true);
        const next = await store.listNodesWhere({ label: 'Event', first: 2, from: '2023', to: '2023', after: year.endCursor });
        expect(ids(next)).toEqual(['event:south-asia-regional-hub-inaugural-workshop', 'event:south-asia-regional-workshop-2023-08']);
        expect(next.hasNextPage).toBe(false);
        const august = await store.listNodesWhere({ label: 'Event', first: 10, from: '2023-08-01', to: '2023-08-31', kind: 'workshop' });
        expect(ids(august)).toEqual(['event:south-asia-regional-workshop-2023-08']);
        const pakistan = await store.listNodesWhere({ label: 'Event', first: 10, filters: { countryId: 'country:pk' } });
        expect(ids(pakistan)).toEqual([
          'event:south-asia-regional-hub-inaugural-workshop',
          'event:south-asia-regional-hub-virtual-launch-2022-12',
          'event:south-asia-regional-workshop-2023-08',
        ]);
      });

      // doc:001 "محمد السعودي, رئيس بلدية صيدا" and doc:004's endorser Hazem Badih, Mayor of Saida.
      it('lists the people of a city, by name when asked', async () => {
        const saida = await store.listNodesWhere({ label: 'Person', first: 10, filters: { cityId: 'city:saida' }, orderBy: 'NAME' });
        expect(ids(saida)).toEqual(['person:hazem-badih', 'person:mohamed-el-seoudi']);
      });

      it('orders organisations by reach, highest first, with cursors that continue the order', async () => {
        const byCities = await store.listNodesWhere({ label: 'Organization', first: 1, orderBy: 'CITIES' });
        expect(ids(byCities)).toEqual(['org:world-bank']);
        const second = await store.listNodesWhere({ label: 'Organization', first: 1, orderBy: 'CITIES', after: byCities.endCursor });
        expect(ids(second)).not.toEqual(['org:world-bank']);
        const byProgrammes = await store.listNodesWhere({ label: 'Organization', first: 1, orderBy: 'PROGRAMMES' });
        expect(ids(byProgrammes)).toEqual(['org:strong-cities-network']);
        const pakistan = await store.listNodesWhere({ label: 'Organization', first: 10, filters: { countryId: 'country:pk' } });
        expect(ids(pakistan)).toEqual([
          'org:citizens-police-liaison-committee',
          'org:city-institute-of-image-management',
          'org:kmc-police',
        ]);
        const [worldBank, nobody] = await store.organizationReach(['org:world-bank', 'org:atlantis']);
        expect(worldBank).toMatchObject({ id: 'org:world-bank', programmeCount: 2 });
        expect(worldBank?.cityCount).toBeGreaterThanOrEqual(2);
        expect(nobody).toEqual({ id: 'org:atlantis', programmeCount: 0, cityCount: 0, countryCount: 0 });
      });

      it('answers an empty page for an unknown anchor', async () => {
        const page = await store.listNodesWhere({ label: 'Programme', first: 10, filters: { cityId: 'city:atlantis' } });
        expect(page).toMatchObject({ nodes: [], totalCount: 0, hasNextPage: false });
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
