import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { hardeningRules } from './hardening';

// A recursive schema, as real ones become: depth and cost are unbounded without the rules.
const schema = buildSchema(`
  type Department { code: String, name: String, parent: Department, items(first: Int): [Item] }
  type Item { id: ID, name: String, department: Department }
  type Query { items(first: Int): [Item], item(id: ID): Item }
`);

const errorsOf = (query: string, production = false): string[] =>
  validate(schema, parse(query), [...specifiedRules, ...hardeningRules(production)]).map((error) => error.message);

const nested = (depth: number): string => {
  let selection = 'code';
  for (let i = 0; i < depth; i++) selection = `parent { ${selection} }`;
  return `{ item(id: "1") { department { ${selection} } } }`;
};

describe('GraphQL hardening (OWASP GraphQL cheat sheet)', () => {
  it('accepts an ordinary portal query', () => {
    expect(errorsOf('{ items { id name department { code name } } }')).toEqual([]);
  });

  it('refuses a query nested deeper than the limit', () => {
    expect(errorsOf(nested(3))).toEqual([]);
    expect(errorsOf(nested(12)).join(' ')).toMatch(/depth/i);
  });

  it('refuses a query with too many aliases', () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: item(id: "${i}") { id }`).join(' ');
    expect(errorsOf(`{ ${aliases} }`).join(' ')).toMatch(/alias/i);
  });

  it('refuses a query whose cost is too high', () => {
    // `first` multiplies the cost of what is selected below it, as a page of that size would.
    expect(errorsOf('{ items(first: 10) { department { code } } }')).toEqual([]);
    expect(errorsOf('{ items(first: 100) { department { items(first: 100) { id name } } } }').join(' ')).toMatch(/cost/i);
  });

  it('refuses too many directives', () => {
    const directives = Array.from({ length: 25 }, () => '@include(if: true)').join(' ');
    expect(errorsOf(`{ items ${directives} { id } }`).join(' ')).toMatch(/directive/i);
  });

  it('refuses introspection in production only', () => {
    expect(errorsOf('{ __schema { types { name } } }')).toEqual([]);
    expect(errorsOf('{ __schema { types { name } } }', true).join(' ')).toMatch(/introspection/i);
  });

  it('keeps the limits out of error messages in production', () => {
    expect(errorsOf(nested(12), true).join(' ')).not.toMatch(/\d+/);
  });
});
