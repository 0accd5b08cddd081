import { describe, expect, it } from 'vitest';
import type { ReportedFigure } from './api';
import { figureView, periodStart } from './figure-series';
import { editionName, figureWords } from './figure-words';
import { groupIndicators, indicatorLabel } from './indicators';

function fig(
  period: string,
  value: number,
  edition: string | null,
  source: string,
  published: string | null,
  qualifier: ReportedFigure['qualifier'] = 'exact',
): ReportedFigure {
  return {
    id: 'casualties_mines_erw',
    scope: 'global',
    period,
    value,
    qualifier,
    unit: 'casualties',
    computed: false,
    edition,
    source: { id: source, title: `Title of ${source}`, published, page: null, citedDocument: null, url: null },
  };
}

// The 2016 casualties as data/ holds them: Landmine Monitor 2017, the ICRC fact sheet, LM2018, LM2020.
const LM2017 = fig('2016', 8605, 'LM2017', 'S74', '2017-12-01', 'at least');
const ICRC = fig('2016', 8605, null, 'S00', '2018-03-01');
const LM2018 = fig('2016', 9437, 'LM2018', 'S75', '2018-11-01');
const LM2020 = fig('2016', 9439, 'LM2020', 'S78', '2020-11-12');
const LM2018_2017 = fig('2017', 7239, 'LM2018', 'S75', '2018-11-01', 'at least');
const EDITIONS = [LM2020, LM2018_2017, LM2018, ICRC, LM2017];

describe('figureView', () => {
  it('gives each edition its own line when editions disagree, oldest first', () => {
    const view = figureView(EDITIONS, [LM2018, LM2018_2017], '2019-01-01');
    expect(view.byEdition).toBe(true);
    expect(view.disputed).toEqual(['2016']);
    expect(view.lines.map((l) => l.name)).toEqual([
      'Landmine Monitor 2017',
      'S00 (1 Mar 2018)',
      'Landmine Monitor 2018',
      'Landmine Monitor 2020',
    ]);
    expect(view.lines.find((l) => l.name === 'Landmine Monitor 2018')?.points.map((p) => p.figure.period)).toEqual([
      '2016',
      '2017',
    ]);
  });

  it('sorts the figures by period, then by publication', () => {
    const view = figureView(EDITIONS, [], '2019-01-01');
    expect(view.points.map((p) => [p.figure.period, p.figure.source.id])).toEqual([
      ['2016', 'S74'],
      ['2016', 'S00'],
      ['2016', 'S75'],
      ['2016', 'S78'],
      ['2017', 'S75'],
    ]);
  });

  it('marks the figure the server gives as known, and why the others are not', () => {
    const status = (view: ReturnType<typeof figureView>) =>
      view.points.filter((p) => p.figure.period === '2016').map((p) => p.status);
    expect(status(figureView(EDITIONS, [LM2018], '2019-01-01'))).toEqual(['replaced', 'replaced', 'known', 'not-yet']);
    expect(status(figureView(EDITIONS, [LM2017], '2018-01-01'))).toEqual(['known', 'not-yet', 'not-yet', 'not-yet']);
    expect(status(figureView(EDITIONS, [], '2017-01-01'))).toEqual(['not-yet', 'not-yet', 'not-yet', 'not-yet']);
  });

  it('draws one line when every source agrees on every period', () => {
    const view = figureView(
      [fig('2015', 6461, 'LM2016', 'S73', '2016-11-22'), fig('2015', 6461, null, 'S00', '2018-03-01'), LM2017],
      [],
      '2019-01-01',
    );
    expect(view.byEdition).toBe(false);
    expect(view.lines.map((l) => [l.name, l.points.length])).toEqual([['Reported figures', 3]]);
  });

  it('splits an edition by source should it give one period twice', () => {
    const view = figureView([LM2017, fig('2016', 8600, 'LM2017', 'S84', '2017-12-14'), LM2018], [], '2019-01-01');
    expect(view.lines.map((l) => l.name)).toEqual([
      'Landmine Monitor 2017, S74',
      'Landmine Monitor 2017, S84',
      'Landmine Monitor 2018',
    ]);
  });

  it('keeps rows apart that are the same figure twice', () => {
    const view = figureView([LM2018, LM2018], [], '2019-01-01');
    expect(new Set(view.points.map((p) => p.key)).size).toBe(2);
  });
});

describe('figure words', () => {
  it('writes a figure as its source gave it', () => {
    expect(figureWords(LM2017)).toBe('at least 8,605 casualties');
    expect(figureWords({ value: 479_500_000, qualifier: 'exact', unit: 'USD' })).toBe('US$479.5 million');
    expect(figureWords({ value: 30_712_345, qualifier: 'more than', unit: 'mines' })).toBe(
      'more than 30,712,345 mines',
    );
    expect(figureWords({ value: 170, qualifier: 'about', unit: 'km2' })).toBe('about 170 km²');
    expect(figureWords({ value: 64, qualifier: 'exact', unit: 'percent' })).toBe('64%');
    expect(figureWords({ value: 1, qualifier: 'exact', unit: 'states' })).toBe('1 State');
  });

  it('names Landmine Monitor editions in full', () => {
    expect(editionName('LM2017')).toBe('Landmine Monitor 2017');
    expect(editionName('LM2020/LM2021')).toBe('Landmine Monitor 2020/2021');
    expect(editionName('Other 2019')).toBe('Other 2019');
  });

  it('places a period on the time axis at its first day', () => {
    expect(['2016', '2017-12', '2017-12-20'].map(periodStart)).toEqual(['2016-01-01', '2017-12-01', '2017-12-20']);
  });
});

describe('indicator names', () => {
  it('reads an indicator by its name, an unknown one by its id', () => {
    expect(indicatorLabel('casualties_mines_erw')).toBe('Casualties of mines and explosive remnants of war (per year)');
    expect(indicatorLabel('new_indicator')).toBe('new_indicator');
  });

  it('groups the indicators present, unknown ones last', () => {
    const groups = groupIndicators(['zeta_new', 'donors', 'casualties_mines_erw', 'alpha_new']);
    expect(groups.map((g) => [g.label, g.indicators.map((i) => i.id)])).toEqual([
      ['Casualties and assistance to mine victims', ['casualties_mines_erw']],
      ['International cooperation and assistance (Article 6)', ['donors']],
      ['Other figures', ['alpha_new', 'zeta_new']],
    ]);
  });
});
