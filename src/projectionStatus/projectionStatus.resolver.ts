import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { waitForReadModels } from '../processManagers/readYourWrites';
import { InvalidInput } from '../shared/errors';
import type { GraphQLContext } from '../graphql/context';
import { ProjectionStatusType } from './projectionStatus.types';

const MAX_WAIT_MS = 30_000;

@Resolver()
export class ProjectionStatusResolver {
  @Query(() => [ProjectionStatusType], { description: 'Every read model with its checkpoint, lag and state' })
  async projections(@Ctx() { services }: GraphQLContext): Promise<ProjectionStatusType[]> {
    return Promise.all(
      services.projections.status().map(async (status) => ({
        ...status,
        error: status.error ?? status.retrying?.error ?? null,
        checkpoint: status.checkpoint,
        lag: await services.projections.lag(status.name),
        leaseHolder: status.holder,
      })),
    );
  }

  @Query(() => Boolean, {
    description:
      'Waits (up to timeoutMs, default 5000, at most 30000) until every read model has applied the log up to position, ' +
      'with the consequences of those events in other streams (a grant creates its award, a closed session resolves its ' +
      'dossiers, an upheld complaint revokes its award): true once they have, false if the time runs out first ' +
      '(retry later, e.g. while the database is unreachable). A read model that failed before position answers at ' +
      'once with extensions.code PROJECTION_FAILED (extensions.projections names each with its error and ' +
      'failedPosition); a process manager that stopped before position, with PROCESS_MANAGER_FAILED.',
  })
  async projectionsCaughtUp(
    @Arg('position', () => String) position: string,
    @Arg('timeoutMs', () => Int, { nullable: true }) timeoutMs: number | null,
    @Ctx() { services }: GraphQLContext,
  ): Promise<boolean> {
    if (!/^\d{1,20}$/.test(position)) throw new InvalidInput('position must be a global position (digits)', 'position');
    if (timeoutMs !== null && timeoutMs < 0) throw new InvalidInput('timeoutMs must not be negative', 'timeoutMs');
    return waitForReadModels(services, position, Math.min(timeoutMs ?? 5_000, MAX_WAIT_MS));
  }
}
