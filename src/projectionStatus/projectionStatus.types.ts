import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('ProjectionStatus', { description: 'A read model and how far it has applied the event log' })
export class ProjectionStatusType {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Global position applied up to' })
  checkpoint!: string | null;

  @Field(() => Int, { description: 'Events of the log it has still to apply' })
  lag!: number;

  @Field({
    description:
      'running, rebuilding, retrying (waiting out a database outage: error says the last transient error), failed or stopped',
  })
  state!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Why it failed (the event type, its position and the handler error), or the transient error it retries',
  })
  error!: string | null;

  @Field(() => String, { nullable: true, description: 'Where a failed projection stopped' })
  failedPosition!: string | null;

  @Field(() => Int)
  generation!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'The instance that runs it (INSTANCE_ID, default hostname:pid), holding its lease; null while none does',
  })
  leaseHolder!: string | null;
}
