import { IsInt, IsOptional, Length } from 'class-validator';
import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import type { IsoDate } from '../shared/domain';
import { InvalidInput } from '../shared/errors';
import { ID_PATTERN } from '../shared/ids';
import { isIsoDate } from '../shared/validation';

@ObjectType('PageInfo', { description: 'Where a page ends, and whether another follows' })
export class PageInfoType {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on an empty page' })
  endCursor!: string | null;
}

/** The page arguments every keyset-paged list takes; a list's arguments extend them. */
@ArgsType()
export class KeysetPageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size: 50 by default, at most 100' })
  @IsOptional()
  @IsInt()
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page (or an edge cursor)' })
  @IsOptional()
  @Length(1, 200)
  after?: string | null;
}

/** A list's place: a date, then an id to break ties. */
export interface DateIdKey {
  date: IsoDate;
  id: string;
}

/** Opaque to clients: the list's name and the (date, id) key of an item, base64url. */
export function encodeDateIdCursor(list: string, key: DateIdKey): string {
  return Buffer.from(`${list}:${key.date}:${key.id}`).toString('base64url');
}

/** The key of a cursor this API returned for `list`; anything else is bad input on `after`. */
export function decodeDateIdCursor(list: string, cursor: string): DateIdKey {
  const text =
    cursor.length <= 200 && /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString() : '';
  const prefix = `${list}:`;
  const date = text.startsWith(prefix) ? text.slice(prefix.length, prefix.length + 10) : '';
  const id = text.slice(prefix.length + 11);
  if (!isIsoDate(date) || text[prefix.length + 10] !== ':' || !ID_PATTERN.test(id))
    throw new InvalidInput('after is not a cursor this API returned', 'after');
  return { date, id };
}

/** The page size asked for, `fallback` when none: 1 to `max`, or bad input on `first`. */
export function pageSize(first: number | null, fallback: number, max: number): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > max)
    throw new InvalidInput(`first must be between 1 and ${max} (asked for ${size})`, 'first');
  return size;
}
