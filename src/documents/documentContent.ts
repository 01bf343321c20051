/**
 * What may be uploaded: PDF (the archive format of signed and scanned papers) and JPEG or
 * PNG photographs of them. Office files are not taken: a dossier's memo, report and
 * minutes are signed and stamped, so what is archived is their scan or signed PDF, and
 * office files can carry macros. A file must begin the way its declared type does.
 */
import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';

const SIGNATURES: Readonly<Record<string, Buffer>> = {
  'application/pdf': Buffer.from('%PDF-'),
  'image/jpeg': Buffer.from([0xff, 0xd8, 0xff]),
  'image/png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
};

export const ALLOWED_CONTENT_TYPES: readonly string[] = Object.keys(SIGNATURES);
const LONGEST_SIGNATURE = Math.max(...Object.values(SIGNATURES).map((signature) => signature.length));

/** The media type of a `Content-Type` header without its parameters, lowercased; null when absent. */
export function mediaTypeOf(header: string | undefined): string | null {
  const type = header?.split(';')[0].trim().toLowerCase();
  return type ? type : null;
}

/** The allowed type whose signature `head` begins with; null for none. */
export function contentTypeOf(head: Buffer): string | null {
  for (const [type, signature] of Object.entries(SIGNATURES))
    if (head.length >= signature.length && head.subarray(0, signature.length).equals(signature)) return type;
  return null;
}

/** Why an upload's bytes are refused while they stream in. */
export class ContentRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Passes the bytes on while at most `maxBytes` arrive and they begin as `contentType`
 * does; otherwise fails with a ContentRefused (413, or 415).
 */
export function contentGuard(contentType: string, maxBytes: number): Transform {
  let size = 0;
  let head: Buffer | null = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes)
        return done(new ContentRefused(413, 'PAYLOAD_TOO_LARGE', `the document exceeds ${maxBytes} bytes`));
      if (head !== null) {
        head = Buffer.concat([head, chunk]);
        if (head.length >= LONGEST_SIGNATURE) {
          if (contentTypeOf(head) !== contentType) return done(notOfType(contentType));
          head = null;
        }
      }
      done(null, chunk);
    },
    flush(done) {
      if (head !== null && contentTypeOf(head) !== contentType) return done(notOfType(contentType));
      done();
    },
  });
}

function notOfType(contentType: string): ContentRefused {
  return new ContentRefused(415, 'UNSUPPORTED_MEDIA_TYPE', `the document's bytes are not ${contentType}`);
}

/** The SHA-256 of a stream's bytes, and its first bytes (for its type). */
export async function digestOf(content: Readable): Promise<{ sha256: string; head: Buffer }> {
  const hash = createHash('sha256');
  let head = Buffer.alloc(0);
  for await (const chunk of content as AsyncIterable<Buffer>) {
    hash.update(chunk);
    if (head.length < LONGEST_SIGNATURE) head = Buffer.concat([head, chunk]).subarray(0, LONGEST_SIGNATURE);
  }
  return { sha256: hash.digest('hex'), head };
}

/** The first chunk of a stream (leaving the explicit loop closes the stream); empty for an empty one. */
export async function firstBytesOf(content: Readable): Promise<Buffer> {
  for await (const chunk of content as AsyncIterable<Buffer>) return chunk;
  return Buffer.alloc(0);
}
