import type { StreamHead } from '../eventStore/eventStore.port';
import { DIGEST_SCHEME, digestOf, type LogDigest } from './logDigest';

/** What a digest file says besides the digest (not covered by the root). */
export interface DigestNotes {
  store: string;
  takenAt: string;
  /** Whether every chain verified when the digest was taken. */
  chainVerified: boolean;
}

/** JSON with one head per line, so two digest files compare line by line. */
export function digestFileText(digest: Required<LogDigest>, notes: DigestNotes): string {
  const { heads, ...summary } = digest;
  const header = JSON.stringify({ ...summary, ...notes }, null, 2).slice(0, -2);
  const lines = heads.map(
    (head) => `    ${JSON.stringify({ streamId: head.streamId, version: head.version, hash: head.hash })}`,
  );
  return `${header},\n  "heads": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

const HASH = /^[0-9a-f]{64}$/;
const POSITION = /^\d{1,20}$/;

/**
 * A kept digest: a whole digest file, or only `{ "position": …, "root": … }` copied from
 * where the root was kept. A file whose heads do not give its root is refused.
 */
export function parseDigestFile(text: string): LogDigest {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new Error('the kept digest is not JSON');
  }
  const scheme = json.scheme ?? DIGEST_SCHEME;
  if (scheme !== DIGEST_SCHEME) throw new Error(`the kept digest's scheme ${String(scheme)} is not ${DIGEST_SCHEME}`);
  if (typeof json.position !== 'string' || !POSITION.test(json.position))
    throw new Error('the kept digest has no position (a decimal string)');
  if (typeof json.root !== 'string' || !HASH.test(json.root))
    throw new Error('the kept digest has no root (64 hex digits)');
  if (json.heads === undefined)
    return {
      scheme,
      position: json.position,
      root: json.root,
      streamCount: Number(json.streamCount ?? 0),
      eventCount: Number(json.eventCount ?? 0),
    };
  if (!Array.isArray(json.heads) || !json.heads.every(isHead)) throw new Error('the kept digest has malformed heads');
  const digest = digestOf(json.heads, json.position);
  if (digest.root !== json.root) throw new Error("the kept digest's heads do not give its root: the file was altered");
  return digest;
}

function isHead(value: unknown): value is StreamHead {
  const head = value as StreamHead;
  return (
    typeof head?.streamId === 'string' &&
    Number.isInteger(head.version) &&
    head.version > 0 &&
    typeof head.hash === 'string' &&
    HASH.test(head.hash)
  );
}
