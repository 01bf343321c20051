import { APP_NODE_FLAGS } from '../../bench/server';

it('runs the app with the Node flags of npm start', () => {
  expect(APP_NODE_FLAGS).toEqual([
    '--max-semi-space-size=32',
    '--heap-growing-percent=100',
    '--no-allocation-site-pretenuring',
  ]);
});
