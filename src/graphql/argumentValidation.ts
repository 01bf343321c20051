import { validateOrReject, type ValidationError, type ValidatorOptions } from 'class-validator';
import { ArgumentValidationError } from 'type-graphql';

/**
 * type-graphql's defaults for its built-in validation: missing (optional) properties are
 * not checked, unknown objects allowed.
 */
const VALIDATOR_OPTIONS: ValidatorOptions = { skipMissingProperties: true, forbidUnknownValues: false };

const isObject = (value: unknown): value is object => value !== null && typeof value === 'object';

const validateObject = (value: object): Promise<void> => validateOrReject(value, VALIDATOR_OPTIONS);

/**
 * The class-validator check type-graphql runs on every object argument (input classes,
 * lists of them), with the same options and the same error. type-graphql's own version
 * `require`s class-validator again on each argument, which looks the module up on disk
 * paths every time; this one imports it once. Every value is checked afresh: remembering
 * valid values by their JSON text did not pay in a same-session A/B of the readers
 * (bench/README.md, "Speed tricks").
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
