import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_NODE_FLAGS, appNodeFlags } from '../../bench/server';

const checkoutWith = (pkg: object): string => {
  const root = mkdtempSync(join(tmpdir(), 'node-flags-'));
  writeFileSync(join(root, 'package.json'), JSON.stringify(pkg));
  return root;
};

describe('the Node flags the benchmark runs the app with', () => {
  it('are package.json’s config.nodeFlags, as npm start passes them', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as {
      config: { nodeFlags: string };
      scripts: { start: string };
    };
    expect(pkg.scripts.start).toContain('$npm_package_config_nodeFlags');
    expect(APP_NODE_FLAGS).toEqual(pkg.config.nodeFlags.split(/\s+/).filter(Boolean));
  });

  it('are read from another checkout’s config, or from its start script when it has none', () => {
    const configured = checkoutWith({ config: { nodeFlags: '--max-semi-space-size=32  --no-opt' } });
    const scripted = checkoutWith({
      scripts: { start: 'npm run build && node --heap-growing-percent=100 dist/src/main.js' },
    });
    try {
      expect(appNodeFlags(configured)).toEqual(['--max-semi-space-size=32', '--no-opt']);
      expect(appNodeFlags(scripted)).toEqual(['--heap-growing-percent=100']);
    } finally {
      rmSync(configured, { recursive: true });
      rmSync(scripted, { recursive: true });
    }
  });
});
