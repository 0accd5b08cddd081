// Runs the real `minefree funding` and `minefree import iati` commands as a user would: the
// sample IATI file imported (then again, changing nothing), the funding answer in the issue's
// JSON shape and as text, and a refused file that writes nothing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/minefree.js', import.meta.url));
const sample = fileURLToPath(new URL('../src/cooperation/test-files/iati-sample.xml', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'minefree-cooperation-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function minefree(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MINEFREE_DB: join(dir, 'm.db'),
    DATABASE_URL: '',
    MINEFREE_FROM_SOURCE: '1',
  };
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const RATES = ['--rate', 'EUR:2022:1.053:S100', '--rate', 'EUR:2023:1.0813:S100'];

describe('minefree import iati, minefree funding', () => {
  it('refuses a file with a problem, naming it, and writes nothing', () => {
    const bad = join(dir, 'bad.xml');
    writeFileSync(bad, '<iati-activities version="2.03"><iati-activity>');
    const result = minefree('import', 'iati', bad, '--source', 'S101');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('well-formed XML');
    const noRate = minefree('import', 'iati', sample, '--source', 'S101', '--as-of', '2025-06-30');
    expect(noRate.status).toBe(1);
    expect(noRate.stderr).toContain('exchange rate for EUR in 2022');
    const badRate = minefree('import', 'iati', sample, '--source', 'S101', '--rate', 'EUR:2023:x:S100');
    expect(badRate.status).toBe(2);
  });

  it('imports the sample, and a second import changes nothing', () => {
    const first = minefree('import', 'iati', sample, '--source', 'S101', ...RATES, '--as-of', '2025-06-30');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('4 activities, 3 on mine action or victim assistance');
    expect(first.stdout).toContain('3 activities added');
    const again = minefree('import', 'iati', sample, '--source', 'S101', ...RATES, '--as-of', '2025-06-30');
    expect(again.stdout).toContain('0 activities added, 0 replaced, 3 unchanged; 0 flows written');
  });

  it('funding --json: the issue shape', () => {
    const result = minefree('funding', '--year', '2023', '--as-of', '2025-06-30', '--json');
    expect(result.status).toBe(0);
    const body = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual([
      'asOf',
      'year',
      'total',
      'international',
      'national',
      'bySector',
      'topDonors',
      'recipients',
      'source',
      'basis',
      'reported',
    ]);
    expect(body).toMatchObject({ year: 2023, total: 1_282_520, national: 0, source: ['S101'] });
    const afg = minefree('funding', '--recipient', 'afg', '--as-of', '2025-06-30', '--json');
    expect(JSON.parse(afg.stdout)).toMatchObject({ total: 300_000, recipients: [{ iso3: 'AFG', amount: 300_000 }] });
  });

  it('the seed’s 2015 figures are known from the June 2017 factsheet they came from until LM2017 revised them', () => {
    // On 13 December 2017 the latest publication is the ICBL factsheet of June 2017 the seed quotes.
    const result = minefree('funding', '--year', '2015', '--as-of', '2017-12-13', '--json');
    expect(result.status).toBe(0);
    const body = JSON.parse(result.stdout) as {
      basis: string;
      international: number;
      national: number;
      bySector: { sector: string; share: number }[];
      reported: { indicator: string; value: number; qualifier: string; source: string; citedDocument: string }[];
    };
    expect(body).toMatchObject({ year: 2015, basis: 'reported', international: 352_000_000, national: 130_000_000 });
    expect(body.bySector).toEqual([
      { sector: 'clearance-risk-education', amount: null, share: 0.64 },
      { sector: 'victim-assistance', amount: null, share: 0.07 },
      { sector: 'stockpile-destruction', amount: null, share: 0.01 },
    ]);
    const quoted = Object.fromEntries(body.reported.map((q) => [q.indicator, q]));
    expect(quoted.international_support_usd).toMatchObject({ qualifier: 'about', source: 'S00' });
    expect(quoted.affected_states_self_funding_usd).toMatchObject({ qualifier: 'more than', source: 'S00' });
    for (const q of body.reported) expect(q.citedDocument).toContain('Global Support for Mine Action');
    const text = minefree('funding', '--year', '2015', '--as-of', '2017-12-13');
    expect(text.stdout).toContain('about US$352,000,000');
    expect(text.stdout).toContain('more than US$130,000,000');
    expect(text.stdout).toContain('citing ICBL, Global Support for Mine Action factsheet, June 2017');
    // From LM2017's launch day (14 December 2017) its revision supersedes them; the sector split, not revised, stays.
    for (const asOf of ['2017-12-14', '2018-03-01']) {
      const after = JSON.parse(minefree('funding', '--year', '2015', '--as-of', asOf, '--json').stdout) as {
        international: number;
        national: number;
        source: string[];
      };
      expect(after).toMatchObject({ international: 394_000_000, national: 131_200_000, source: ['S00', 'S320'] });
    }
  }, 120_000);

  it('funding as text, and a wrong recipient is a usage error', () => {
    const text = minefree('funding', '--as-of', '2025-06-30');
    expect(text.stdout).toContain('Funding in 2023, as known on 2025-06-30');
    expect(text.stdout).toMatch(/victim assistance: US\$250,000 \(19\.5%\)/);
    expect(text.stdout).toContain('global (not to one State)');
    const wrong = minefree('funding', '--recipient', 'XYZ');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('XYZ');
  });
});
