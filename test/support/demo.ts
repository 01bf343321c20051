import { httpDocumentUploader } from '../../src/demo/demoDocuments';
import { runDemoYear, type DemoYearSummary } from '../../src/demo/demoYear';
import type { ProjectionDefinition } from '../../src/projections/projection';
import { startTestApp, type TestApp } from './app';
import { tokenFor } from './auth';
import { caughtUp } from './until';

/** Loads the demo year into the app through GraphQL. */
export function loadDemoYear(t: TestApp): Promise<DemoYearSummary> {
  return runDemoYear(
    async (query, variables, headers) => (await t.graphql(query, variables, headers)).body,
    undefined,
    httpDocumentUploader(t.url, tokenFor),
  );
}

/** The app with the demo year loaded through GraphQL and every read model caught up. */
export async function startDemoApp(
  options: { projections?: readonly ProjectionDefinition[]; now?: () => Date; eventStoreUrl?: string } = {},
): Promise<{ t: TestApp; year: DemoYearSummary }> {
  const t = await startTestApp(options);
  const year = await loadDemoYear(t);
  await caughtUp(t, year.lastPosition, { timeoutMs: 20_000 });
  return { t, year };
}
