import { validateOrReject, type ValidationError, type ValidatorOptions } from 'class-validator';
import { ArgumentValidationError } from 'type-graphql';
import { LruMap } from '../shared/lruMap';

/**
 * type-graphql's defaults for its built-in validation: missing (optional) properties are
 * not checked, unknown objects allowed.
 */
const VALIDATOR_OPTIONS: ValidatorOptions = { skipMissingProperties: true, forbidUnknownValues: false };

const isObject = (value: unknown): value is object => value !== null && typeof value === 'object';

/** Input values found valid, per input class (a dashboard or a desk repeats the same few). */
const VALID_VALUES_CAPACITY = 10_000;
// Module-level on purpose: whether a value is valid depends on the value and the class's
// decorators only, never on an app's state, so every app in the process may share the answers.
const validValues = new WeakMap<object, LruMap<string, true>>();

/**
 * What makes two values of one input class the same to class-validator, or null when
 * JSON cannot tell. Inputs arrive coerced by GraphQL to the class's field types, so the
 * JSON text holds every value validation reads, except where JSON writes null for
 * something else (a number that is not finite, undefined in a list): any text with a
 * null in it is not remembered.
 */
function validationKey(value: object): string | null {
  try {
    const text = JSON.stringify(value);
    return text.includes('null') ? null : text;
  } catch {
    return null; // a BigInt, a cycle
  }
}

async function validateObject(value: object): Promise<void> {
  const key = validationKey(value);
  if (key === null) return validateOrReject(value, VALIDATOR_OPTIONS);
  let known = validValues.get(value.constructor);
  if (known?.get(key)) return;
  await validateOrReject(value, VALIDATOR_OPTIONS);
  // Only successes are remembered: an invalid value is checked again, so its errors are fresh.
  if (!known) validValues.set(value.constructor, (known = new LruMap<string, true>(VALID_VALUES_CAPACITY)));
  known.set(key, true);
}

/**
 * The class-validator check type-graphql runs on every object argument (input classes,
 * lists of them), with the same options and the same error. type-graphql's own version
 * `require`s class-validator again on each argument, which looks the module up on disk
 * paths every time; this one imports it once, and remembers values it found valid:
 * validation depends on nothing but the value (no constraint here reads anything else).
 */
export async function validateArgument(value: unknown): Promise<void> {
  if (!isObject(value)) return;
  try {
    if (Array.isArray(value)) await Promise.all(value.filter(isObject).map(validateObject));
    else await validateObject(value);
  } catch (error) {
    throw new ArgumentValidationError(error as ValidationError[]);
  }
}
