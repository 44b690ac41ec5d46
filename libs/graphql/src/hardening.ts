import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { NoSchemaIntrospectionCustomRule, type ValidationRule } from 'graphql';

/** Limits from the OWASP GraphQL cheat sheet, enforced by GraphQL Armor's validation rules. */
export interface HardeningLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxCost: number;
  readonly maxDirectives: number;
}

export const DEFAULT_LIMITS: HardeningLimits = { maxDepth: 8, maxAliases: 15, maxCost: 5000, maxDirectives: 20 };

/** Validation rules for every request; in production introspection is refused too. */
export const hardeningRules = (production: boolean, limits: HardeningLimits = DEFAULT_LIMITS): ValidationRule[] => {
  // exposeLimits: false keeps the numbers out of error messages; the rule names stay clear.
  const rules = [
    maxDepthRule({ n: limits.maxDepth, exposeLimits: !production, ignoreIntrospection: !production }),
    maxAliasesRule({ n: limits.maxAliases, exposeLimits: !production }),
    costLimitRule({ maxCost: limits.maxCost, exposeLimits: !production, ignoreIntrospection: !production }),
    maxDirectivesRule({ n: limits.maxDirectives, exposeLimits: !production }),
  ] as unknown as ValidationRule[];
  return production ? [...rules, NoSchemaIntrospectionCustomRule] : rules;
};
