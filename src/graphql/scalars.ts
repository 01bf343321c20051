import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';

function parseIsoDate(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new GraphQLError(`Date must be a string YYYY-MM-DD (got ${JSON.stringify(value)})`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  const parsed = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    throw new GraphQLError(`${value} is not a calendar date`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return value;
}

/** A calendar date kept as the string `YYYY-MM-DD` end to end (no time zone to shift it). */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : parseIsoDate(value)),
  parseValue: parseIsoDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING)
      throw new GraphQLError('Date must be a string YYYY-MM-DD', { extensions: { code: 'BAD_USER_INPUT' } });
    return parseIsoDate(ast.value);
  },
});

/** The form every DateTime leaves the API in: UTC, milliseconds, `Z`. */
const CANONICAL_DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/**
 * graphql-scalars' DateTime (same name, description, input parsing and errors), written
 * out as its canonical string: a Date becomes `toISOString()`, and a string already in
 * that form (read models select it so, see auditTrailSql) passes through untouched
 * instead of being parsed into a Date and formatted again.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  ...DateTimeResolver.toConfig(),
  serialize(value) {
    if (typeof value === 'string' && CANONICAL_DATE_TIME.test(value)) return value;
    const date = DateTimeResolver.serialize(value);
    return date instanceof Date ? date.toISOString() : date;
  },
});
