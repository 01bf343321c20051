import { runDemoYear, type DemoYearSummary } from '../../src/demo/demoYear';
import type { ProjectionDefinition } from '../../src/projections/projection';
import { startTestApp, type TestApp } from './app';

/** The app with the demo year loaded through GraphQL and every read model caught up. */
export async function startDemoApp(
  options: { projections?: readonly ProjectionDefinition[]; now?: () => Date } = {},
): Promise<{ t: TestApp; year: DemoYearSummary }> {
  const t = await startTestApp(options);
  const year = await runDemoYear(
    async (query, variables, headers) => (await t.graphql(query, variables, headers)).body,
  );
  const caughtUp = await t.graphql('query($p: String!) { projectionsCaughtUp(position: $p, timeoutMs: 20000) }', {
    p: year.lastPosition,
  });
  if (caughtUp.body.data?.projectionsCaughtUp !== true)
    throw new Error(`read models did not catch up: ${JSON.stringify(caughtUp.body)}`);
  return { t, year };
}
