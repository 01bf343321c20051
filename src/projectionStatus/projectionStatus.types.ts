import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('ProjectionStatus', { description: 'A read model and how far it has applied the event log' })
export class ProjectionStatusType {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Global position applied up to' })
  checkpoint!: string | null;

  @Field(() => Int, { description: 'Events of the log it has still to apply' })
  lag!: number;

  @Field({ description: 'running, rebuilding, failed or stopped' })
  state!: string;

  @Field(() => String, { nullable: true })
  error!: string | null;

  @Field(() => String, { nullable: true, description: 'Where a failed projection stopped' })
  failedPosition!: string | null;

  @Field(() => Int)
  generation!: number;
}
