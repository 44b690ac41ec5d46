import { utcInstantOf } from '@gongkai/calendar';
import { badInput } from '@gongkai/kernel';
import { CustomScalar, Scalar } from '@nestjs/graphql';
import { Kind, type ValueNode } from 'graphql';

/** An instant, written ISO-8601 with its offset and answered in UTC: the GraphQL `DateTime` type's marker class. */
export abstract class InstantValue {}

/**
 * `value` as the UTC instant point-in-time reads compare with, or INVALID_INSTANT: the scalar and the
 * plain HTTP endpoints (the report exports) take `asOfInstant` through this one rule.
 */
export const parseInstant = (value: unknown): string => {
  const instant = utcInstantOf(value);
  if (!instant) throw badInput('INVALID_INSTANT', `${JSON.stringify(value)} is not an instant written like 2026-03-02T10:00:00+08:00 or 2026-03-02T02:00:00Z.`);
  return instant;
};

@Scalar('DateTime', () => InstantValue)
export class InstantScalar implements CustomScalar<string, string> {
  description = 'An instant, ISO-8601 with an offset (Z or ±hh:mm); answered in UTC. Point-in-time arguments (`asOfInstant`) take one.';

  parseValue(value: unknown): string {
    return parseInstant(value);
  }

  serialize(value: unknown): string {
    return parseInstant(value);
  }

  parseLiteral(ast: ValueNode): string {
    if (ast.kind !== Kind.STRING) throw badInput('INVALID_INSTANT', 'A DateTime is written as a string such as 2026-03-02T02:00:00Z.');
    return parseInstant(ast.value);
  }
}
