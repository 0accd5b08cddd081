import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv, readCsv } from './csv.js';
import { DataError, describeProblem } from './errors.js';

function dataError(run: () => unknown): DataError {
  try {
    run();
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error('expected a DataError');
}

const messages = (run: () => unknown): string[] => dataError(run).problems.map(describeProblem);

describe('parseCsv', () => {
  it('gives each row its line (the header is line 1) and each field its 1-based column', () => {
    const rows = parseCsv('iso3,name,signed\nAFG,Afghanistan,\nAGO,Angola,1997-12-04\n', 'states.csv');
    expect(rows.map((r) => [r.file, r.line, r.get('iso3')])).toEqual([
      ['states.csv', 2, 'AFG'],
      ['states.csv', 3, 'AGO'],
    ]);
    expect(rows[1]?.column('signed')).toBe(3);
    expect(rows[1]?.get('signed')).toBe('1997-12-04');
  });

  it.each([
    ['a quoted field over two lines', 'a,b\n1,"x\ny"\n2,z\n', [2, 4]],
    ['a quoted field over three lines', 'a,b\n1,"x\ny\nz"\n2,z\n3,w\n', [2, 5, 6]],
    ['empty lines', 'a,b\n\n1,x\n\n\n2,y\n', [3, 6]],
    ['CRLF line ends', 'a,b\r\n1,x\r\n2,"p\r\nq"\r\n3,y\r\n', [2, 3, 5]],
    ['no final line end', 'a,b\n1,x\n2,y', [2, 3]],
    ['a byte-order mark', '\uFEFFa,b\n1,x\n', [2]],
  ])('counts lines right with %s', (_, text, lines) => {
    const rows = parseCsv(text, 't.csv');
    expect(rows.map((r) => r.line)).toEqual(lines);
    expect(rows[0]?.get('a')).toBe('1');
  });

  it('keeps quotes, commas and line breaks inside quoted fields', () => {
    const [row] = parseCsv('a,b\n"x, ""y""","p\nq"\n', 't.csv');
    expect([row?.get('a'), row?.get('b')]).toEqual(['x, "y"', 'p\nq']);
  });

  it('builds a problem that names file, line, column and field', () => {
    const [, row] = parseCsv('a,b\n1,x\n2,y\n', 'f.csv');
    expect(row && describeProblem(row.problem('b', 'a letter z'))).toBe(
      'f.csv, line 3, column 2 (b): expected a letter z, found "y"',
    );
  });

  it('treats asking for a column the file lacks as a programming error', () => {
    const [row] = parseCsv('a\n1\n', 'f.csv');
    expect(() => row?.get('b')).toThrow('f.csv has no column "b"');
  });

  it.each([
    [
      'a record with too many fields',
      'a,b\n1,2\n3,4,5\n',
      'f.csv, line 3: expected well-formed CSV, found "Invalid Record Length: expect 2, got 3 on line 3"',
    ],
    [
      'a record with too few fields',
      'a,b\n1,2\n3\n',
      'f.csv, line 3: expected well-formed CSV, found "Invalid Record Length: expect 2, got 1 on line 3"',
    ],
    ['text after a closing quote', 'a,b\n1,2\n3,"4"x\n', 'f.csv, line 3: expected well-formed CSV'],
    ['a quote never closed', 'a,b\n1,2\n\n3,"4\n5,6\n', 'f.csv, line 4: expected well-formed CSV'],
  ])('throws DataError naming file and line for %s', (_, text, message) => {
    const [problem] = messages(() => parseCsv(text, 'f.csv'));
    expect(problem).toContain(message);
  });

  it('names a missing column', () => {
    expect(messages(() => parseCsv('iso3,name\nAFG,Afghanistan\n', 'states.csv', ['iso3', 'name', 'signed']))).toEqual([
      'states.csv, line 1, field signed: expected a column named "signed" in the header, found "iso3,name"',
    ]);
  });

  it('names every missing column, even for a file with no rows', () => {
    const problems = dataError(() => parseCsv('iso3\n', 'a.csv', ['iso3', 'x', 'y'])).problems;
    expect(problems.map((p) => p.field)).toEqual(['x', 'y']);
  });

  it('refuses a header that names a column twice or leaves one unnamed', () => {
    expect(messages(() => parseCsv('a,b,a,\n1,2,3,4\n', 'f.csv'))).toEqual([
      'f.csv, line 1, column 3 (a): expected a column name not used before (column 1), found "a"',
      'f.csv, line 1, column 4: expected a column name, found ""',
    ]);
  });

  it('refuses an empty file', () => {
    expect(messages(() => parseCsv('', 'f.csv', ['a']))).toEqual([
      'f.csv, line 1: expected a header line (a), found ""',
    ]);
  });

  it('accepts extra columns', () => {
    expect(parseCsv('a,extra\n1,2\n', 'f.csv', ['a'])[0]?.get('extra')).toBe('2');
  });

  it('never fails with anything but a DataError, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r', ' ', '\uFEFF') }), (text) => {
        try {
          for (const row of parseCsv(text, 'fuzz.csv')) expect(row.line).toBeGreaterThanOrEqual(2);
        } catch (error) {
          expect(error).toBeInstanceOf(DataError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('readCsv', () => {
  const dir = mkdtempSync(join(tmpdir(), 'minefree-csv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a file and names it by its own name unless told otherwise', () => {
    const path = join(dir, 'article4.csv');
    writeFileSync(path, 'iso3,deadline\nBLR,2008-03-01\n');
    expect(readCsv(path)[0]?.file).toBe('article4.csv');
    expect(readCsv(path, 'data/article4.csv', ['iso3'])[0]?.file).toBe('data/article4.csv');
  });

  it('turns a missing file into a DataError', () => {
    expect(messages(() => readCsv(join(dir, 'none.csv')))).toEqual([
      'none.csv, line 1: expected a readable file, found "ENOENT"',
    ]);
  });
});
