/**
 * Internal. Commitment examples through the API: built by the domain's one grouping
 * (`commitmentExamples`) from the ADVANCES relations the loaders read, so every store
 * answers alike, and their fields resolved through the loaders.
 */
import { commitmentExamples, type CommitmentExampleRecord as Example } from '../../domain/commitment-examples';
import type { ApiContext } from '../context';
import type { CommitmentExampleResolvers } from '../resolvers-types.generated';
import { nodeById, nodesWithLabels, relationsOf } from './traverse';

/** The examples of one commitment. */
export async function examplesOfCommitment(context: ApiContext, commitmentId: string): Promise<Example[]> {
  const advances = await relationsOf(context, commitmentId, 'IN', ['ADVANCES']);
  return commitmentExamples(advances).filter((example) => example.commitmentId === commitmentId);
}

/** A city's own examples: for each commitment it ADVANCES, the example of that commitment whose city it is. */
export async function examplesOfCity(context: ApiContext, cityId: string): Promise<Example[]> {
  const advances = await relationsOf(context, cityId, 'OUT', ['ADVANCES']);
  const perCommitment = await Promise.all(advances.map((relation) => examplesOfCommitment(context, relation.to)));
  return perCommitment.flat().filter((example) => example.cityId === cityId);
}

export const CommitmentExample: CommitmentExampleResolvers = {
  commitment: async (example, _args, context) => {
    const commitment = await nodeById(context, example.commitmentId);
    // An ADVANCES always ends at a Commitment (stores refuse dangling relations); if not, it is a bug (masked, logged).
    if (commitment?.label !== 'Commitment') throw new Error(`commitment ${example.commitmentId} is missing`);
    return commitment;
  },
  city: async (example, _args, context) => {
    if (example.cityId === null) return null;
    const [city] = await nodesWithLabels(context, [example.cityId], ['City']);
    return city ?? null;
  },
  programmes: (example, _args, context) => nodesWithLabels(context, example.programmeIds, ['Programme']),
  organizations: (example, _args, context) => nodesWithLabels(context, example.organizationIds, ['Organization']),
  events: (example, _args, context) => nodesWithLabels(context, example.eventIds, ['Event']),
  // The validator requires at least one source on every relation; an empty quote would say a bug.
  quote: (example) => example.sources[0]?.quote ?? '',
  sources: (example) => [...example.sources],
  relations: (example) => [...example.relations],
};
