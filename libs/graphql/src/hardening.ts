import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { NoSchemaIntrospectionCustomRule, type GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';

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
  // Reported as validation errors (not thrown), so that the caller gets every problem in the usual
  // format; exposeLimits is off in production so that probing learns nothing of the numbers.
  const reject = { propagateOnRejection: false, onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)], exposeLimits: !production };
  const rules = [
    maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: !production, ...reject }),
    maxAliasesRule({ n: limits.maxAliases, ...reject }),
    costLimitRule({ maxCost: limits.maxCost, ignoreIntrospection: !production, ...reject }),
    maxDirectivesRule({ n: limits.maxDirectives, ...reject }),
  ] as unknown as ValidationRule[];
  return production ? [...rules, NoSchemaIntrospectionCustomRule] : rules;
};
