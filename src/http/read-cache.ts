/**
 * Answers of public reads kept per (data version, day, path and sorted query): a repeated read
 * is served from memory, with no handler and no database query (the data version itself is known
 * without one: store/changes.ts). Compressed variants (br, gzip) are made once per answer.
 * Entries of an older version are dropped as soon as a newer one is seen.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface CachedAnswer {
  etag: string;
  contentType: string | undefined;
  contentDisposition: string | undefined;
  body: Buffer;
  /** Compressed bodies by content-encoding, made on first request. */
  encoded: Map<Encoding, Buffer>;
}

export type Encoding = 'br' | 'gzip' | 'identity';

/** Like @fastify/compress's settings in server/app.ts: nothing under 1 KB, brotli quality 4. */
const COMPRESS_FROM_BYTES = 1024;
const COMPRESSIBLE = /json|text|javascript|xml|svg/i;

/** The path with its query parameters sorted by name (values of one name keep their order). */
export function normalisedUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const params = new URLSearchParams(url.slice(at + 1));
  params.sort();
  const query = params.toString();
  return query === '' ? url.slice(0, at) : `${url.slice(0, at)}?${query}`;
}

/** The client's preferred encoding among br and gzip (q=0 refuses one); identity otherwise. */
export function negotiate(acceptEncoding: string | undefined): Encoding {
  if (acceptEncoding === undefined) return 'identity';
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q === undefined ? 1 : Number(q.slice(2)) || 0);
  }
  const star = accepted.get('*') ?? 0;
  const br = accepted.get('br') ?? star;
  const gzip = accepted.get('gzip') ?? star;
  if (br > 0 && br >= gzip) return 'br';
  if (gzip > 0) return 'gzip';
  return 'identity';
}

/** The body to send for `encoding`, and the encoding it really has (small or binary bodies stay plain). */
export function encodedBody(answer: CachedAnswer, encoding: Encoding): { body: Buffer; encoding: Encoding } {
  if (
    encoding === 'identity' ||
    answer.body.length < COMPRESS_FROM_BYTES ||
    !COMPRESSIBLE.test(answer.contentType ?? 'application/json')
  )
    return { body: answer.body, encoding: 'identity' };
  let body = answer.encoded.get(encoding);
  if (body === undefined) {
    body =
      encoding === 'br'
        ? brotliCompressSync(answer.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } })
        : gzipSync(answer.body);
    answer.encoded.set(encoding, body);
  }
  return { body, encoding };
}

export interface ReadCacheLimits {
  /** All entries together, bodies and compressed bodies (default 64 MB). */
  maxBytes: number;
  /** One answer larger than this is not kept (default 8 MB). */
  maxEntryBytes: number;
}

export const DEFAULT_LIMITS: ReadCacheLimits = { maxBytes: 64 * 1024 * 1024, maxEntryBytes: 8 * 1024 * 1024 };

/** Least recently used first out; everything out when the data version moves. */
export class ReadCache {
  private readonly entries = new Map<string, CachedAnswer>();
  private version = -1;
  private bytes = 0;

  constructor(private readonly limits: ReadCacheLimits = DEFAULT_LIMITS) {}

  /** Forget answers of other versions than `version`. */
  private at(version: number): void {
    if (version === this.version) return;
    this.version = version;
    this.entries.clear();
    this.bytes = 0;
  }

  get(version: number, key: string): CachedAnswer | undefined {
    this.at(version);
    const found = this.entries.get(key);
    if (found !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, found);
    }
    return found;
  }

  set(version: number, key: string, answer: CachedAnswer): void {
    if (version !== this.version || answer.body.length > this.limits.maxEntryBytes) return;
    const old = this.entries.get(key);
    if (old !== undefined) this.bytes -= sizeOf(old);
    this.entries.set(key, answer);
    this.bytes += sizeOf(answer);
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.limits.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= sizeOf(entry);
    }
  }

  /** Compressed bodies added after set() count too. */
  grew(by: number): void {
    this.bytes += by;
  }

  get size(): number {
    return this.entries.size;
  }
}

function sizeOf(answer: CachedAnswer): number {
  let n = answer.body.length;
  for (const body of answer.encoded.values()) n += body.length;
  return n;
}
