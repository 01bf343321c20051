import { mutate, type TestApp } from './app';

/** Helpers for the reference-data end-to-end tests (clusters, movements, plans …). */

export const REGISTER_UNIT = `mutation($input: RegisterUnitInput!) { registerUnit(input: $input) { id streamId version position eventTypes } }`;
export const REGISTER_PERSON = `mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { id streamId version position eventTypes } }`;

export async function registerUnit(t: TestApp, input: Record<string, unknown>): Promise<string> {
  return (await mutate(t, REGISTER_UNIT, { input })).id;
}

export async function registerPerson(t: TestApp, input: Record<string, unknown>): Promise<string> {
  return (await mutate(t, REGISTER_PERSON, { input })).id;
}
