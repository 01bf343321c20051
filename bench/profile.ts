/**
 * `node dist/bench/profile.js <file.cpuprofile> [top]`: the functions with the most
 * self time in a V8 CPU profile (as written by `npm run bench -- --profile`), and the
 * same grouped by file, to see where a process spends its CPU.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export function summarize(profile: CpuProfile, top = 25): string {
  const total = profile.nodes.reduce((n, node) => n + (node.hitCount ?? 0), 0);
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0) continue;
    const file =
      node.callFrame.url
        .replace(/^file:\/\//, '')
        .replace(/.*\/(node_modules\/.*)$/, '$1')
        .replace(/.*\/(dist\/.*)$/, '$1') || '(native)';
    const name = `${node.callFrame.functionName || '(anonymous)'}  ${file}:${node.callFrame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + hits);
    const group = file.startsWith('node_modules/')
      ? file
          .split('/')
          .slice(0, file.startsWith('node_modules/@') ? 3 : 2)
          .join('/')
      : file;
    byFile.set(group, (byFile.get(group) ?? 0) + hits);
  }
  const pct = (n: number) => `${((n / total) * 100).toFixed(1).padStart(5)}%`;
  const lines = [
    `${total} samples over ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s`,
    '',
    'self time by function:',
  ];
  for (const [name, hits] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top))
    lines.push(`${pct(hits)}  ${name}`);
  lines.push('', 'self time by file / package:');
  for (const [name, hits] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`${pct(hits)}  ${name}`);
  return lines.join('\n');
}

if (require.main === module) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: node dist/bench/profile.js <file.cpuprofile> [top]\n');
    process.exit(2);
  }
  process.stdout.write(summarize(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, Number(top ?? 25)) + '\n');
}
