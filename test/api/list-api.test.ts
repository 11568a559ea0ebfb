/**
 * The list queries over real HTTP on the seed graph (schema/lists.graphql): filters, orders,
 * cursors, organisation reach, endorsements by country, and errors. Answers rest on the
 * sources as the traversal contract says.
 */
import {
  CityLeadersDocument,
  EndorsementsByCountryDocument,
  EventsDocument,
  OrganizationsDocument,
  PeopleDocument,
  ProgrammesDocument,
} from '../operations.generated';
import { errorCodes, execute, startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

describe('organizations', () => {
  it('ranks by reach with the counts beside each organisation, and pages on in that order', async () => {
    const first = await execute(server, OrganizationsDocument, { orderBy: 'PROGRAMMES', first: 2 });
    const edges = first.data?.organizations.edges ?? [];
    expect(edges[0]?.node).toMatchObject({ id: 'org:strong-cities-network', kind: 'NETWORK' });
    const counts = edges.map((edge) => edge.node.programmeCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const rest = await execute(server, OrganizationsDocument, {
      orderBy: 'PROGRAMMES',
      first: 100,
      after: first.data?.organizations.pageInfo.endCursor,
    });
    const all = [...edges, ...(rest.data?.organizations.edges ?? [])];
    expect(all).toHaveLength(first.data?.organizations.totalCount ?? -1);
    expect(new Set(all.map((edge) => edge.node.id)).size).toBe(all.length);
    const restCounts = all.map((edge) => edge.node.programmeCount);
    expect(restCounts).toEqual([...restCounts].sort((a, b) => b - a));
  });

  // doc:000: the Citizens-Police Liaison Committee, the City Institute of Image Management and the KMC police are Karachi bodies.
  it('filters by country and kind; an unknown country is NOT_FOUND, a cursor of another order BAD_USER_INPUT', async () => {
    const pakistan = await execute(server, OrganizationsDocument, { countryId: 'country:pk' });
    expect(pakistan.data?.organizations.edges.map((edge) => edge.node.id)).toEqual([
      'org:citizens-police-liaison-committee',
      'org:city-institute-of-image-management',
      'org:kmc-police',
    ]);
    const networks = await execute(server, OrganizationsDocument, { kind: 'NETWORK', first: 100 });
    expect(networks.data?.organizations.edges.every((edge) => edge.node.kind === 'NETWORK')).toBe(true);
    expect(errorCodes(await execute(server, OrganizationsDocument, { countryId: 'country:zz' }))).toEqual(['NOT_FOUND']);
    const byId = await execute(server, OrganizationsDocument, { first: 1 });
    const mixed = await execute(server, OrganizationsDocument, { orderBy: 'CITIES', after: byId.data?.organizations.pageInfo.endCursor });
    expect(errorCodes(mixed)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('programmes, events and people', () => {
  it('lists the World Bank programmes of two documents', async () => {
    const response = await execute(server, ProgrammesDocument, { partnerId: 'org:world-bank' });
    expect(response.data?.programmes.edges.map((edge) => edge.node.id)).toEqual([
      'prog:karachi-urban-management-capacity-building-project',
      'prog:mombasa-fishing-communities-programme',
    ]);
  });

  it('lists the events of 2023, and refuses a malformed date', async () => {
    const response = await execute(server, EventsDocument, { from: '2023', to: '2023' });
    expect(response.data?.events.totalCount).toBe(4);
    expect(response.data?.events.edges.every((edge) => edge.node.startDate?.startsWith('2023'))).toBe(true);
    expect(errorCodes(await execute(server, EventsDocument, { from: 'last year' }))).toEqual(['BAD_USER_INPUT']);
  });

  it('lists the mayors of Saida', async () => {
    const response = await execute(server, PeopleDocument, { cityId: 'city:saida' });
    expect(response.data?.people.edges.map((edge) => edge.node.id)).toEqual(['person:hazem-badih', 'person:mohamed-el-seoudi']);
  });
});

describe('Declaration.endorsements(countryId)', () => {
  // doc:004 lists the endorsers with their cities: seven endorse for Pakistani cities (Karachi,
  // Larkana, Mardan, Nowshera, Peshawar twice, Toba Tek Singh).
  it('keeps the endorsements for cities of one country', async () => {
    const response = await execute(server, EndorsementsByCountryDocument, {
      id: 'decl:nyc-mayors-declaration',
      countryId: 'country:pk',
      first: 100,
    });
    const node = response.data?.node;
    const endorsements = node && 'endorsements' in node ? node.endorsements : undefined;
    expect(endorsements?.totalCount).toBe(7);
    expect(endorsements?.edges.every((edge) => edge.node.forCity?.country?.id === 'country:pk')).toBe(true);
  });
});

describe('City.leaders(asOf)', () => {
  // doc:001 names Mohamed El-Seoudi as Mayor of Saida at the 2022 forum; doc:004 names Hazem Badih
  // as Mayor of Saida among the declaration's endorsers (as of 2024-05-10).
  it("says which of Saida's two mayors was current at a date", async () => {
    const leaderAt = async (asOf?: string): Promise<string[]> => {
      const response = await execute(server, CityLeadersDocument, { id: 'city:saida', ...(asOf ? { asOf } : {}) });
      const node = response.data?.node;
      return node && 'leaders' in node ? node.leaders.map((leader) => leader.from.id).sort() : [];
    };
    expect(await leaderAt()).toEqual(['person:hazem-badih', 'person:mohamed-el-seoudi']);
    expect(await leaderAt('2023')).toEqual(['person:mohamed-el-seoudi']);
    expect(await leaderAt('2024-06')).toEqual(['person:hazem-badih']);
    expect(await leaderAt('2021')).toEqual([]);
    expect(errorCodes(await execute(server, CityLeadersDocument, { id: 'city:saida', asOf: 'now' }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('cost limit by page size', () => {
  it('lets a page of 100 endorsements with person, title, city and country through under the default limit', async () => {
    const response = await execute(server, EndorsementsByCountryDocument, { id: 'decl:nyc-mayors-declaration', first: 100 });
    expect(response.errors).toBeUndefined();
    const node = response.data?.node;
    expect(node && 'endorsements' in node ? node.endorsements.edges : []).toHaveLength(100);
  });

  it('refuses nested pages whose product is too costly as QUERY_TOO_COMPLEX, naming the cost and the limit', async () => {
    const response = await execute(server, OrganizationsDocument, { first: 100 });
    expect(response.errors).toBeUndefined();
    const nested = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ cities(first: 100) { edges { node { relations(first: 100) { edges { node { id type } } } } } } }' }),
    });
    const body = (await nested.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    expect(nested.status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(body.errors?.[0]?.message).toMatch(/Query cost \d+ exceeds the limit of \d+/);
  });
});
