import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../graphql/scalars';

@ObjectType('AuditEntry', { description: 'One event as the audit trail shows it (ballot choices redacted)' })
class AuditEntryType {
  @Field()
  position!: string;

  @Field(() => DateTimeScalar)
  recordedAt!: string;

  @Field()
  streamId!: string;

  @Field(() => Int)
  streamVersion!: number;

  @Field()
  type!: string;

  @Field(() => ID, { nullable: true })
  actorId!: string | null;

  @Field()
  summary!: string;

  @Field(() => GraphQLJSON)
  data!: Record<string, unknown>;

  @Field()
  hash!: string;
}

@ObjectType('AuditTrailConnection')
export class AuditTrailConnectionType {
  @Field(() => [AuditEntryType])
  entries!: AuditEntryType[];

  @Field(() => String, { nullable: true })
  endCursor!: string | null;

  @Field()
  hasNextPage!: boolean;

  @Field({
    description:
      "The hash chain of every stream in the answer, recomputed from the event log, is intact and matches the entries' hashes",
  })
  chainVerified!: boolean;
}
