import { isLocalDate } from '@gongkai/calendar';
import { badInput } from '@gongkai/kernel';
import { CustomScalar, Scalar } from '@nestjs/graphql';
import { Kind, type ValueNode } from 'graphql';

/** A date in law (Asia/Shanghai calendar day), written `YYYY-MM-DD`: the GraphQL `Date` type's marker class. */
export abstract class LocalDateValue {}

const parse = (value: unknown): string => {
  if (typeof value !== 'string' || !isLocalDate(value)) throw badInput('INVALID_DATE', `${JSON.stringify(value)} is not a date written YYYY-MM-DD.`);
  return value;
};

@Scalar('Date', () => LocalDateValue)
export class LocalDateScalar implements CustomScalar<string, string> {
  description = 'A calendar day in Asia/Shanghai, written YYYY-MM-DD (dates in law are days, not instants).';

  parseValue(value: unknown): string {
    return parse(value);
  }

  serialize(value: unknown): string {
    return parse(value);
  }

  parseLiteral(ast: ValueNode): string {
    if (ast.kind !== Kind.STRING) throw badInput('INVALID_DATE', 'A Date is written as a string YYYY-MM-DD.');
    return parse(ast.value);
  }
}
