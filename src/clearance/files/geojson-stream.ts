/**
 * A GeoJSON FeatureCollection read as a stream (issue 15 §3): the file is never one string. A
 * scanner walks the bytes once, keeping only the depth, whether it is inside a string and the
 * line, and cuts out each member of the top-level `features` array as it ends; the members go
 * out in batches (bytes, where each ends, the line each starts on) for JSON.parse in a worker.
 * The rest of the document (`type`, `minefree`, `crs` …) is kept with `features` emptied and
 * parsed at the end, which checks the document's shape outside the features.
 */
import { createReadStream } from 'node:fs';
import { fileProblem } from './problems.js';

/** Members of `features` in file order: `data` holds them one after another, member i ending at `ends[i]`. */
export interface FeatureBatch {
  /** The index (from 0) of the batch's first member in the whole array. */
  first: number;
  data: Uint8Array;
  ends: Int32Array;
  /** The line (from 1) each member starts on. */
  lines: Int32Array;
}

/** What the document holds besides its features, once the scan reached its end. */
export interface CollectionHead {
  /** The document without its features (`"features": []`), parsed. */
  value: unknown;
  /** Whether a top-level `features` array was found and streamed. */
  streamed: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const isSpace = (c: number): boolean => c === 0x20 || c === NEWLINE || c === 0x0d || c === 0x09;
/**
 * Bytes that change nothing inside a member outside its strings (digits, commas, colons, spaces
 * but the newline, letters of true/false/null): skipped in a tight loop, since coordinates are
 * most of a file and testing each of their bytes against the scanner's state was most of its time.
 */
const INERT = new Uint8Array(256).fill(1);
for (const c of [QUOTE, NEWLINE, OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET]) INERT[c] = 0;

/** Members per batch: enough to make a message worth its cost, few enough to keep both threads busy. */
export const BATCH_FEATURES = 256;

const notJson = (file: string, line: number, found: string): Error =>
  fileProblem(file, `expected GeoJSON, found text that is not JSON (${found} at line ${line})`);

/**
 * The scanner's state between chunks. Outside the features array it only tracks depth and
 * strings (the head is parsed whole at the end); inside, it checks the commas between members
 * and cuts each member out.
 */
class Scanner {
  line = 1;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** At depth 1 of the top-level object: the last key read, and whether the value after it is next. */
  private key: number[] | null = null;
  private lastKey = '';
  private afterColon = false;
  /** 0 outside the features array; 1 inside it between members; 2 inside a member. */
  private inFeatures: 0 | 1 | 2 = 0;
  private expectMember = true;
  private memberIsPrimitive = false;
  private memberLine = 0;
  private featuresSeen = false;
  private done = false;
  private readonly head: Buffer[] = [];
  private member: Buffer[] = [];
  private batch: Buffer[] = [];
  private batchEnds: number[] = [];
  private batchLines: number[] = [];
  private batchBytes = 0;
  private count = 0;

  constructor(private readonly file: string) {}

  /** Scans one chunk; returns the batches completed in it. */
  push(chunk: Buffer, out: FeatureBatch[]): void {
    let from = 0; // start of the part of `chunk` not yet given to the head or the member
    const n = chunk.length;
    // The next backslash of the chunk at or after a point (-1: none left), found once, not per string.
    let slashAt = -2;
    for (let i = 0; i < n; i++) {
      if (this.inFeatures === 2 && !this.inString && !this.memberIsPrimitive) {
        while (i < n && INERT[chunk[i] as number] === 1) i++;
        if (i === n) break;
      }
      const c = chunk[i] as number;
      if (this.inString) {
        // Jump to the next quote: strings are most of a feature's properties, and hold no newline.
        if (this.escaped) {
          this.escaped = false;
          if (this.key !== null) this.key.push(c);
          continue;
        }
        if (c === BACKSLASH) {
          this.escaped = true;
          if (this.key !== null) this.key.push(c);
          continue;
        }
        if (c === QUOTE) {
          this.inString = false;
          if (this.key !== null) {
            this.lastKey = Buffer.from(this.key).toString('utf8');
            this.key = null;
          }
          continue;
        }
        if (this.key !== null) this.key.push(c);
        else {
          const next = chunk.indexOf(QUOTE, i + 1);
          if (slashAt !== -1 && slashAt <= i) slashAt = chunk.indexOf(BACKSLASH, i + 1);
          const stop = next < 0 ? n : slashAt >= 0 && slashAt < next ? slashAt : next;
          i = stop - 1;
        }
        continue;
      }
      if (c === NEWLINE) {
        this.line++;
        continue;
      }
      if (isSpace(c)) continue;
      if (this.done) throw notJson(this.file, this.line, `"${String.fromCharCode(c)}" after the end of the document`);
      if (this.inFeatures === 1) {
        // Between members of the features array.
        if (c === CLOSE_BRACKET) {
          this.inFeatures = 0;
          this.depth = 1;
          from = i; // the head goes on with the closing bracket ("features": [ ... ] → "features": [])
          continue;
        }
        if (c === COMMA) {
          if (this.expectMember) throw notJson(this.file, this.line, 'a comma where a feature was expected');
          this.expectMember = true;
          continue;
        }
        if (!this.expectMember)
          throw notJson(this.file, this.line, `"${String.fromCharCode(c)}" where a comma was expected`);
        this.expectMember = false;
        this.inFeatures = 2;
        this.memberLine = this.line;
        this.memberIsPrimitive = c !== OPEN_BRACE && c !== OPEN_BRACKET;
        from = i;
        if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth++;
        else if (c === QUOTE) this.inString = true;
        continue;
      }
      if (this.inFeatures === 2) {
        if (this.memberIsPrimitive) {
          if (this.depth === 2 && (c === COMMA || c === CLOSE_BRACKET)) {
            this.endMember(chunk, from, i, out);
            i--; // the comma or bracket is read again between members
            continue;
          }
          if (c === QUOTE) this.inString = true;
          continue;
        }
        if (c === QUOTE) this.inString = true;
        else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth++;
        else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
          this.depth--;
          if (this.depth === 2) {
            this.endMember(chunk, from, i + 1, out);
            from = i + 1;
          }
        }
        continue;
      }
      // Outside the features: the head.
      if (c === QUOTE) {
        this.inString = true;
        if (this.depth === 1 && !this.afterColon) this.key = [];
        continue;
      }
      if (c === COLON && this.depth === 1) {
        this.afterColon = true;
        continue;
      }
      if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        if (
          this.depth === 1 &&
          this.afterColon &&
          c === OPEN_BRACKET &&
          this.lastKey === 'features' &&
          !this.featuresSeen
        ) {
          this.featuresSeen = true;
          this.head.push(chunk.subarray(from, i + 1));
          this.inFeatures = 1;
          this.expectMember = true;
          this.depth = 2;
          this.afterColon = false;
          continue;
        }
        this.depth++;
        this.afterColon = false;
        continue;
      }
      if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        this.depth--;
        if (this.depth < 0) throw notJson(this.file, this.line, `an unmatched "${String.fromCharCode(c)}"`);
        if (this.depth === 0) this.done = true;
        continue;
      }
      if (c === COMMA && this.depth === 1) this.afterColon = false;
    }
    if (this.inFeatures === 2) this.member.push(chunk.subarray(from));
    else if (this.inFeatures === 0) this.head.push(chunk.subarray(from));
  }

  private endMember(chunk: Buffer, from: number, to: number, out: FeatureBatch[]): void {
    this.member.push(chunk.subarray(from, to));
    const bytes = this.member.length === 1 ? (this.member[0] as Buffer) : Buffer.concat(this.member);
    this.member = [];
    this.batch.push(bytes);
    this.batchBytes += bytes.length;
    this.batchEnds.push(this.batchBytes);
    this.batchLines.push(this.memberLine);
    this.inFeatures = 1;
    if (this.batchEnds.length >= BATCH_FEATURES) this.flush(out);
  }

  flush(out: FeatureBatch[]): void {
    if (this.batchEnds.length === 0) return;
    // A copy of its own: the batch moves to a worker, and the chunks it came from are reused.
    const data = new Uint8Array(this.batchBytes);
    let at = 0;
    for (const part of this.batch) {
      data.set(part, at);
      at += part.length;
    }
    out.push({
      first: this.count,
      data,
      ends: Int32Array.from(this.batchEnds),
      lines: Int32Array.from(this.batchLines),
    });
    this.count += this.batchEnds.length;
    this.batch = [];
    this.batchEnds = [];
    this.batchLines = [];
    this.batchBytes = 0;
  }

  /** The document without its features, checked and parsed; throws the file's problem when it is not JSON. */
  end(out: FeatureBatch[]): CollectionHead {
    this.flush(out);
    if (this.inString || this.inFeatures !== 0 || this.depth !== 0)
      throw notJson(this.file, this.line, 'the document cut short');
    const text = Buffer.concat(this.head).toString('utf8');
    try {
      return { value: JSON.parse(text) as unknown, streamed: this.featuresSeen };
    } catch (error) {
      throw fileProblem(
        this.file,
        `expected GeoJSON, found text that is not JSON (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  }
}

/**
 * Batches of the file's features as the file is read; the generator's return value is the rest
 * of the document. Throws the file's problem (ImportRejectedError) on a structure that is not JSON.
 */
export async function* featureBatches(
  path: string,
  file: string,
): AsyncGenerator<FeatureBatch, CollectionHead, undefined> {
  const scanner = new Scanner(file);
  const out: FeatureBatch[] = [];
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  let first = true;
  try {
    for await (const read of stream as AsyncIterable<Buffer>) {
      // A byte order mark is not JSON; editors on Windows write one.
      const chunk = first && read[0] === 0xef && read[1] === 0xbb && read[2] === 0xbf ? read.subarray(3) : read;
      first = false;
      scanner.push(chunk, out);
      yield* out.splice(0);
    }
  } catch (error) {
    if (error instanceof Error && 'code' in error && !('problems' in error))
      throw fileProblem(file, `expected a readable file (${String(error.code)})`);
    throw error;
  }
  const head = scanner.end(out);
  yield* out.splice(0);
  return head;
}
