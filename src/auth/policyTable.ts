import { ROLES, type Role } from '../identity';
import { DENOUNCER_READERS, type AccessPolicy, type OperationPolicy } from './policy';

function cell(policy: OperationPolicy, role: Role): string {
  const grant = policy.grants[role];
  if (grant === undefined) return '—';
  const withheld =
    policy.withholdDenouncers !== undefined && !DENOUNCER_READERS.includes(role) ? 'denouncer withheld' : '';
  return ['✓', grant.rule, withheld].filter((part) => part !== '').join(', ');
}

/** The policy as the "Who may do what" table of docs/access.md: operations by group, a column per role. */
export function renderPolicyTable(policy: AccessPolicy): string {
  const lines = [`| operation | ${ROLES.join(' | ')} |`, `|---|${ROLES.map(() => '---').join('|')}|`];
  const groups = new Map<string, string[]>();
  for (const [operation, row] of Object.entries(policy)) {
    const heading = `${row.kind === 'mutation' ? 'Commands' : 'Reads'}: ${row.group}`;
    const rows = groups.get(heading) ?? [];
    rows.push(`| \`${operation}\` | ${ROLES.map((role) => cell(row, role)).join(' | ')} |`);
    groups.set(heading, rows);
  }
  for (const [heading, rows] of groups) lines.push(`| **${heading}** |${ROLES.map(() => ' |').join('')}`, ...rows);
  return lines.join('\n');
}
