import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../infra/projectRoot';
import { printAppSchema } from './schema';

/** `npm run schema`: writes schema.graphql from the code (a test fails when it drifts). */
void printAppSchema().then((sdl) => {
  writeFileSync(join(projectRoot(), 'schema.graphql'), sdl);
  process.stdout.write('schema.graphql written\n');
});
