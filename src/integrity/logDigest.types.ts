import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('LogDigest', {
  description: "Every stream's head at a log position, and one root over them: the root is kept outside the log",
})
export class LogDigestType {
  @Field({ description: 'SHA-256 Merkle root over the stream heads (stream id, version, hash), sorted by stream id' })
  root!: string;

  @Field({ description: 'The log position the heads were read at' })
  position!: string;

  @Field(() => Int)
  streamCount!: number;

  @Field({ description: 'How the root is computed (tdkt-log-digest/1: see docs/architecture.md)' })
  scheme!: string;
}
