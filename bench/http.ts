/**
 * A lean GraphQL-over-HTTP/1.1 client for the load generator. The load generator shares
 * the machine with the server and PostgreSQL, so every CPU cycle it spends is taken from
 * them: it writes requests straight to keep-alive TCP sockets (one request in flight per
 * socket, at most `sockets` sockets) and reads responses with a small parser instead of
 * `node:http`'s general machinery. It only ever talks to 127.0.0.1.
 */
import { connect, type Socket } from 'node:net';
import { nowMs } from './lib';

export interface GraphQLResponse {
  status: number;
  ms: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  };
}

const REQUEST_TIMEOUT_MS = 60_000;
const HEADER_END = Buffer.from('\r\n\r\n');
/**
 * The server drops keep-alive sockets idle for 5 s; one idle this long is not reused (no
 * request races its closing).
 */
const MAX_IDLE_MS = 4_000;

interface Pending {
  resolve(response: { status: number; body: Buffer }): void;
  reject(error: Error): void;
}

/**
 * One keep-alive connection: parses `status line, headers, body` framed by
 * Content-Length or chunked transfer encoding, one response per request.
 */
class Connection {
  private readonly socket: Socket;
  private buffered: Buffer = Buffer.alloc(0);
  private pending: Pending | null = null;
  private timer: NodeJS.Timeout | null = null;
  closed = false;
  idleSince = 0;

  constructor(
    port: number,
    host: string,
    private readonly onClose: (connection: Connection) => void,
  ) {
    this.socket = connect({ port, host, noDelay: true });
    this.socket.on('data', (chunk: Buffer) => {
      try {
        this.receive(chunk);
      } catch (error) {
        this.fail(error as Error);
      }
    });
    this.socket.on('error', (error) => this.fail(error));
    this.socket.on('close', () => this.fail(new Error('connection closed by the server')));
  }

  send(head: string, body: Buffer): Promise<{ status: number; body: Buffer }> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.timer = setTimeout(() => this.fail(new Error('request timed out')), REQUEST_TIMEOUT_MS);
      this.socket.cork();
      this.socket.write(head);
      this.socket.write(body);
      this.socket.uncork();
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.destroy();
    this.onClose(this);
  }

  private receive(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const response = this.parse();
    if (!response) return;
    const pending = this.pending;
    this.pending = null;
    if (this.timer) clearTimeout(this.timer);
    if (response.close) this.close();
    pending?.resolve(response);
  }

  /** A whole response at the start of the buffer (consumed), or null while more bytes are needed. */
  private parse(): { status: number; body: Buffer; close: boolean } | null {
    const headerEnd = this.buffered.indexOf(HEADER_END);
    if (headerEnd < 0) return null;
    const head = this.buffered.toString('latin1', 0, headerEnd);
    const status = Number(head.slice(9, 12));
    const lines = head.split('\r\n');
    let length = -1;
    let chunked = false;
    let close = false;
    for (let i = 1; i < lines.length; i++) {
      const colon = lines[i].indexOf(':');
      const name = lines[i].slice(0, colon).toLowerCase();
      const value = lines[i].slice(colon + 1).trim();
      if (name === 'content-length') length = Number(value);
      else if (name === 'transfer-encoding') chunked = value.toLowerCase().includes('chunked');
      else if (name === 'connection') close = value.toLowerCase() === 'close';
    }
    const start = headerEnd + HEADER_END.length;
    if (!chunked) {
      if (length < 0) throw new Error('response without Content-Length or chunked encoding');
      if (this.buffered.length < start + length) return null;
      const body = this.buffered.subarray(start, start + length);
      this.buffered = this.buffered.subarray(start + length);
      return { status, body, close };
    }
    const parts: Buffer[] = [];
    let at = start;
    for (;;) {
      const lineEnd = this.buffered.indexOf('\r\n', at);
      if (lineEnd < 0) return null;
      const size = parseInt(this.buffered.toString('latin1', at, lineEnd), 16);
      if (this.buffered.length < lineEnd + 2 + size + 2) return null;
      if (size === 0) {
        this.buffered = this.buffered.subarray(lineEnd + 4);
        return { status, body: Buffer.concat(parts), close };
      }
      parts.push(this.buffered.subarray(lineEnd + 2, lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
    }
  }

  private fail(error: Error): void {
    if (this.timer) clearTimeout(this.timer);
    this.close();
    const pending = this.pending;
    this.pending = null;
    pending?.reject(error);
  }
}

export class GraphQLClient {
  private readonly host: string;
  private readonly port: number;
  private readonly idle: Connection[] = [];
  private readonly waiting: Array<(connection: Connection) => void> = [];
  private open = 0;
  private shut = false;

  constructor(
    url: string,
    private readonly sockets: number,
  ) {
    const parsed = new URL(url);
    if (parsed.hostname !== '127.0.0.1')
      throw new Error(`the load generator only targets 127.0.0.1, not ${parsed.hostname}`);
    this.host = parsed.hostname;
    this.port = Number(parsed.port);
  }

  async request(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse> {
    const body = Buffer.from(JSON.stringify({ query, variables }));
    let head = `POST /graphql HTTP/1.1\r\nhost: ${this.host}:${this.port}\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n`;
    for (const name in headers) head += `${name}: ${headers[name]}\r\n`;
    head += '\r\n';
    const start = nowMs();
    const connection = await this.acquire();
    try {
      const response = await connection.send(head, body);
      const ms = nowMs() - start;
      return { status: response.status, ms, body: JSON.parse(response.body.toString('utf8')) };
    } finally {
      this.release(connection);
    }
  }

  /** Closes idle connections now and the others as their responses arrive. */
  close(): void {
    this.shut = true;
    for (const connection of this.idle.splice(0)) connection.close();
  }

  /** Connections open now (for tests). */
  get openConnections(): number {
    return this.open;
  }

  private acquire(): Promise<Connection> {
    for (let idle = this.idle.pop(); idle; idle = this.idle.pop()) {
      if (!idle.closed && nowMs() - idle.idleSince < MAX_IDLE_MS) return Promise.resolve(idle);
      idle.close();
    }
    if (this.open < this.sockets) {
      this.open++;
      return Promise.resolve(new Connection(this.port, this.host, () => this.open--));
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(connection: Connection): void {
    if (connection.closed) {
      // Its slot is free again: hand a fresh connection to the next waiter, if any.
      const next = this.waiting.shift();
      if (next) {
        this.open++;
        next(new Connection(this.port, this.host, () => this.open--));
      }
      return;
    }
    const next = this.waiting.shift();
    if (next) next(connection);
    else if (this.shut) connection.close();
    else {
      connection.idleSince = nowMs();
      this.idle.push(connection);
    }
  }
}

/** Field names of the server's Query type (to skip queries a server does not offer). */
export async function queryFields(client: GraphQLClient, headers: Record<string, string> = {}): Promise<Set<string>> {
  const res = await client.request('{ __schema { queryType { fields { name } } } }', {}, headers);
  const schema = res.body.data?.__schema as { queryType?: { fields?: Array<{ name: string }> } } | undefined;
  return new Set((schema?.queryType?.fields ?? []).map((f) => f.name));
}
