import { DateTimeResolver } from 'graphql-scalars';
import { Kind } from 'graphql';
import { DateTimeScalar } from '../../src/graphql/scalars';

describe('DateTime scalar', () => {
  it('writes a Date as its UTC ISO string with milliseconds', () => {
    expect(DateTimeScalar.serialize(new Date('2024-12-02T15:04:05.678+07:00'))).toBe('2024-12-02T08:04:05.678Z');
  });

  it('passes a string already in that form through, and brings other valid date-times to it', () => {
    expect(DateTimeScalar.serialize('2024-12-02T08:00:00.000Z')).toBe('2024-12-02T08:00:00.000Z');
    expect(DateTimeScalar.serialize('2024-12-02T15:00:00+07:00')).toBe('2024-12-02T08:00:00.000Z');
    expect(DateTimeScalar.serialize('2024-12-02T08:00:00Z')).toBe('2024-12-02T08:00:00.000Z');
  });

  it('refuses what is not a date-time, like graphql-scalars does', () => {
    for (const bad of ['2024-13-02T08:00:00.000Z', '2024-12-02', 'yesterday', {}]) {
      expect(() => DateTimeScalar.serialize(bad)).toThrow();
      expect(() => DateTimeResolver.serialize(bad)).toThrow();
    }
    expect(() => DateTimeScalar.serialize(new Date(Number.NaN))).toThrow();
  });

  it('reads inputs exactly as graphql-scalars does (a Date)', () => {
    expect(DateTimeScalar.parseValue('2024-12-02T15:00:00+07:00')).toEqual(
      DateTimeResolver.parseValue('2024-12-02T15:00:00+07:00'),
    );
    expect(DateTimeScalar.parseLiteral({ kind: Kind.STRING, value: '2024-12-02T08:00:00Z' })).toEqual(
      new Date('2024-12-02T08:00:00Z'),
    );
    expect(DateTimeScalar.name).toBe('DateTime');
    expect(DateTimeScalar.description).toBe(DateTimeResolver.description);
  });
});
