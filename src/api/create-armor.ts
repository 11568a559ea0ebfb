/**
 * Internal. GraphQL Armor's limits on operations (depth, cost, aliases, directives) and
 * field-suggestion masking, as Apollo plugins and validation rules, plus the token limit.
 *
 * Tokens are limited by graphql-js's own parser (`parseOptions.maxTokens`), during the one
 * parse Apollo does: Armor's Apollo token plugin parses the document a second time in a
 * `parsingDidStart` hook and, on Apollo Server 5, its rejection escapes as HTTP 500, where
 * the parser's limit is a plain syntax error (400, GRAPHQL_PARSE_FAILED).
 *
 * Directives are also counted over the whole document: Armor's max-directives (2.3.1)
 * drops the directives written on a fragment spread it has seen before, so
 * `...F @include(if: true)` repeated a thousand times would pass it.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationRule } from 'graphql';
import type { SecurityConfig } from '../config';
import { costLimitPlugin } from './cost-limit';

export interface ArmorProtection {
  readonly plugins: ApolloServerPlugin[];
  readonly validationRules: ValidationRule[];
  readonly parseOptions: { readonly maxTokens: number };
}

export function createArmor(config: Pick<SecurityConfig, 'limits' | 'blockFieldSuggestions'>): ArmorProtection {
  const { limits } = config;
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, exposeLimits: true },
    // Cost is computed by cost-limit.ts (page sizes count; QUERY_TOO_COMPLEX naming the cost).
    costLimit: { enabled: false },
    // `__typename` aliases count too: thousands of them cost nothing to resolve but still
    // inflate the response and slip past per-request rate limits.
    maxAliases: { n: limits.maxAliases, allowList: [], exposeLimits: true },
    maxDirectives: { n: limits.maxDirectives, exposeLimits: true },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: config.blockFieldSuggestions },
  }).protect();
  return {
    plugins: [...armor.plugins, costLimitPlugin(limits.maxCost)],
    validationRules: [...armor.validationRules, maxDocumentDirectives(limits.maxDirectives)],
    parseOptions: { maxTokens: limits.maxTokens },
  };
}

/** Every directive written anywhere in the document counts, once per place it is written. */
function maxDocumentDirectives(limit: number): ValidationRule {
  return (context) => {
    let count = 0;
    return {
      Directive() {
        count += 1;
        if (count === limit + 1) {
          context.reportError(new GraphQLError(`Syntax Error: Directives limit of ${limit} exceeded in the document.`));
        }
      },
    };
  };
}
