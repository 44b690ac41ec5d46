import { CustomScalar, Scalar } from '@nestjs/graphql';
import { type ValueNode, valueFromASTUntyped } from 'graphql';

/** Any JSON value: a record's details, whose fields depend on its category and are checked by the domain. */
export abstract class JsonValue {}

@Scalar('JSON', () => JsonValue)
export class JsonScalar implements CustomScalar<unknown, unknown> {
  description = 'A JSON value. Disclosure details: an object with the fields of the record’s category, checked by the domain.';

  parseValue(value: unknown): unknown {
    return value;
  }

  serialize(value: unknown): unknown {
    return value;
  }

  parseLiteral(ast: ValueNode): unknown {
    return valueFromASTUntyped(ast);
  }
}
