import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printAppSchema } from '../../src/graphql/schema';

it('schema.graphql matches the schema the code builds (run `npm run schema` after changing it)', async () => {
  const committed = readFileSync(join(__dirname, '../../schema.graphql'), 'utf8');
  expect(committed).toBe(await printAppSchema());
});
