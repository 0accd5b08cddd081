// The fact sheet and figures commands, run as a user would, in every format.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/minefree.js', import.meta.url));
// Each run of the suite reads its own database, created and loaded from data/ on first use.
const env = { ...process.env, MINEFREE_DB: join(mkdtempSync(join(tmpdir(), 'minefree-cli-')), 'minefree.db') };
const run = (...args: string[]): { status: number | null; stdout: string; stderr: string } => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

interface SheetJson {
  asOf: string;
  figures: {
    id: string;
    period: string;
    value: number;
    computed: boolean;
    source: { id: string; published: string | null };
  }[];
  sections: { id: string; title: string; paragraphs: unknown[] }[];
  endnotes: { n: number; text: string }[];
}

describe('minefree factsheet', () => {
  it('prints the documented JSON for 1 March 2018', () => {
    const { stdout, status } = run('factsheet', '--as-of', '2018-03-01', '--format', 'json');
    expect(status).toBe(0);
    const sheet = JSON.parse(stdout) as SheetJson;
    expect(sheet.asOf).toBe('2018-03-01');
    expect(sheet.figures.find((f) => f.id === 'states_parties' && f.computed)?.value).toBe(164);
    expect(sheet.figures.find((f) => f.id === 'casualties_mines_erw' && f.period === '2016')).toMatchObject({
      value: 8605,
      // LM2017 itself and the ICRC fact sheet quoting it are both dated by LM2017's launch day: the edition wins.
      source: { id: 'S74', published: '2017-12-14' },
    });
    expect(sheet.sections.map((s) => s.title)).toContain('Stockpile destruction');
    expect(sheet.endnotes.length).toBeGreaterThan(5);
  });

  it('writes Markdown with footnotes', () => {
    const { stdout } = run('factsheet', '--as-of', '2018-03-01', '--format', 'md');
    expect(stdout).toMatch(/^# The Anti-Personnel Mine Ban Convention/);
    expect(stdout).toMatch(/\[\^1\]: Computed by minefree/);
  });

  it('writes a PDF whose text holds the figures, with no browser on the machine', () => {
    const dir = mkdtempSync(join(tmpdir(), 'minefree-pdf-'));
    const out = join(dir, 'factsheet.pdf');
    // No Chromium to be found: the variable points nowhere and PATH holds no browser.
    const noBrowser = { ...env, MINEFREE_CHROMIUM: join(dir, 'no-chromium'), PATH: dir };
    const r = spawnSync(
      process.execPath,
      [bin, 'factsheet', '--as-of', '2018-03-01', '--format', 'pdf', '--out', out],
      { encoding: 'utf8', env: noBrowser },
    );
    const { status, stderr } = r;
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const text = spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('164 States');
    expect(text).toContain('8,605');
    expect(text.toLowerCase()).toContain('endnotes');
    expect(text).toContain('[S00]');
    expect(text).toMatch(/Page 1 of \d+/);
    const fonts = spawnSync('pdffonts', [out], { encoding: 'utf8' }).stdout;
    expect(fonts).toMatch(/Roboto-Regular\s+CID TrueType\s+Identity-H\s+yes/);
  });

  it('refuses a PDF to the terminal and an unknown format', () => {
    expect(run('factsheet', '--format', 'pdf').status).toBe(2);
    const bad = run('factsheet', '--format', 'docx');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('expected one of html, pdf, md, json');
  });
});

describe('minefree figures', () => {
  it('prints, for a date, the latest edition of each period of an indicator', () => {
    const { stdout, status } = run('figures', 'casualties_mines_erw', '--as-of', '2019-01-01', '--json');
    expect(status).toBe(0);
    const figures = JSON.parse(stdout) as { id: string; period: string; value: number; source: { id: string } }[];
    expect(figures.find((f) => f.period === '2016')).toMatchObject({
      id: 'casualties_mines_erw',
      value: 9437,
      source: { id: 'S75' },
    });
    expect(new Set(figures.map((f) => f.period)).size).toBe(figures.length);
  });

  it('names the indicators when given an unknown one', () => {
    const { status, stderr } = run('figures', 'landmines', '--json');
    expect(status).toBe(2);
    expect(stderr).toContain('casualties_mines_erw');
  });
});
