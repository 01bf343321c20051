/** What the simulation hands out: the events of each command and the GraphQL request that sends it. */
import type { NewEvent } from '../../src/eventStore/eventStore.port';
import type { SubjectKind } from '../../src/shared/domain';
import type { Actor } from '../province';

/** One event as the store receives it, with the stream and the version it takes there. */
export interface GeneratedEvent extends NewEvent {
  streamId: string;
  streamVersion: number;
}

/** A GraphQL request that makes the app run the same command. */
export interface GraphQLOp {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** Who sends it: the load generator signs a bearer token for each actor. */
  actor: Actor;
  headers: Record<string, string>;
}

/** One command: when it happened, the events it appended, and the mutation that does it over GraphQL. */
export interface Step {
  at: number;
  events: GeneratedEvent[];
  op(): GraphQLOp;
}

/** A granted award, for the inspector and complaint-desk benchmarks. */
export interface AwardSample {
  awardId: string;
  dossierId: string;
  subject: { kind: SubjectKind; id: string; name: string };
}
