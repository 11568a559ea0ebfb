/**
 * Internal. Routes to common partners, shared by both stores: ordering, and keeping the
 * organisations that reach every asked node and are not excluded.
 */
import type { CommonPartnerResult, CommonPartnersQuery, PartnerRoute } from './GraphStore';

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function compareRoutes(a: PartnerRoute, b: PartnerRoute): number {
  return (
    compare(a.fromId, b.fromId) || compare(a.viaId ?? '', b.viaId ?? '') || compare(a.type, b.type) || compare(a.role ?? '', b.role ?? '')
  );
}

/** From every (partner, route) found: the partners reaching all asked ids, not excluded, routes deduplicated and sorted. */
export function commonPartnersOf(
  query: CommonPartnersQuery,
  found: readonly { readonly partnerId: string; readonly route: PartnerRoute }[],
): CommonPartnerResult[] {
  const excluded = new Set(query.excludeIds ?? []);
  const asked = new Set(query.ids);
  const byPartner = new Map<string, Map<string, PartnerRoute>>();
  for (const { partnerId, route } of found) {
    if (excluded.has(partnerId) || !asked.has(route.fromId)) continue;
    const routes = byPartner.get(partnerId) ?? new Map<string, PartnerRoute>();
    routes.set(JSON.stringify([route.fromId, route.viaId, route.type, route.role]), route);
    byPartner.set(partnerId, routes);
  }
  return [...byPartner]
    .map(([partnerId, routes]) => ({ partnerId, routes: [...routes.values()].sort(compareRoutes) }))
    .filter((result) => new Set(result.routes.map((route) => route.fromId)).size === asked.size)
    .sort((a, b) => compare(a.partnerId, b.partnerId));
}
