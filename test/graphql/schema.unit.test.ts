import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printAppSchema } from '../../src/graphql/schema';

it('schema.graphql matches the schema the code builds (run `npm run schema` after changing it)', async () => {
  const committed = readFileSync(join(__dirname, '../../schema.graphql'), 'utf8');
  expect(committed).toBe(await printAppSchema());
});

const contractChecker = join(__dirname, '../../../shared/tools/check-contract.mjs');
const describeIfShared = existsSync(contractChecker) ? describe : describe.skip;

describeIfShared('the public contract (../shared/contract.graphql)', () => {
  it('is offered in full by schema.graphql', () => {
    const output = execFileSync(process.execPath, [contractChecker, 'schema.graphql'], { cwd: join(__dirname, '../..'), encoding: 'utf8' });
    expect(output.trim().split('\n').pop()).toBe('contract: all of it is offered');
  });
});
