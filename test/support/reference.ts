import type { TestApp } from './app';
import type { Actor } from './auth';
import { expectStreamsUnchanged } from './streams';

/** Helpers for the reference-data end-to-end tests (clusters, movements, plans …). */

export const REGISTER_UNIT = `mutation($input: RegisterUnitInput!) { registerUnit(input: $input) { id streamId version position eventTypes } }`;
export const REGISTER_PERSON = `mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { id streamId version position eventTypes } }`;

export interface GraphQLErrorBody {
  message: string;
  extensions?: Record<string, any>;
}

/** Runs a mutation that must succeed and returns its CommandResult. */
export async function mutate(t: TestApp, query: string, variables: Record<string, unknown>, as?: Actor): Promise<any> {
  const { body } = await t.graphql(query, variables, as);
  if (body.errors?.length) throw new Error(`expected success, got ${JSON.stringify(body.errors)}`);
  const data = body.data as Record<string, unknown>;
  return Object.values(data)[0];
}

export async function registerUnit(t: TestApp, input: Record<string, unknown>): Promise<string> {
  return (await mutate(t, REGISTER_UNIT, { input })).id;
}

export async function registerPerson(t: TestApp, input: Record<string, unknown>): Promise<string> {
  return (await mutate(t, REGISTER_PERSON, { input })).id;
}

/**
 * Sends a command that must be refused: checks that none of `streamIds` changed, that no
 * data came back, and that the first error's extensions match `expected` (code, rule …).
 * Returns the error for further checks.
 */
export async function expectRefused(
  t: TestApp,
  streamIds: string[],
  query: string,
  variables: Record<string, unknown>,
  expected: Record<string, unknown>,
): Promise<GraphQLErrorBody> {
  let errors: GraphQLErrorBody[] | undefined;
  let data: unknown;
  await expectStreamsUnchanged(t.app.services.store, streamIds, async () => {
    const { body } = await t.graphql(query, variables);
    errors = body.errors;
    data = body.data;
  });
  expect(data ?? null).toBeNull();
  expect(errors).toHaveLength(1);
  expect(errors![0].extensions).toMatchObject(expected);
  return errors![0];
}

/** The types and data of a stream's events, for compact assertions. */
export async function streamEvents(t: TestApp, streamId: string): Promise<Array<{ type: string; data: any }>> {
  const events = await t.app.services.store.readStream(streamId);
  return events.map((e) => ({ type: e.type, data: e.data }));
}
