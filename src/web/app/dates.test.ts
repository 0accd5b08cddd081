import { describe, expect, it } from 'vitest';
import { readDate } from './dates';

const EN = [
  ['January', 'Jan'],
  ['February', 'Feb'],
  ['March', 'Mar'],
  ['April', 'Apr'],
  ['May', 'May'],
  ['June', 'Jun'],
  ['July', 'Jul'],
  ['August', 'Aug'],
  ['September', 'Sep'],
  ['October', 'Oct'],
  ['November', 'Nov'],
  ['December', 'Dec'],
];
const FR = [
  ['janvier', 'janv.'],
  ['février', 'févr.'],
  ['mars', 'mars'],
];

describe('readDate: a date typed as the page shows it, or as YYYY-MM-DD', () => {
  it.each([
    ['1 March 2018', '2018-03-01'],
    ['  01 march 2018 ', '2018-03-01'],
    ['1 Mar. 2018', '2018-03-01'],
    ['March 1, 2018', '2018-03-01'],
    ['2018-03-01', '2018-03-01'],
    ['3 December 1997', '1997-12-03'],
    ['29 February 2024', '2024-02-29'],
    ['31 December 2026', '2026-12-31'],
  ])('%j -> %s', (text, date) => {
    expect(readDate(text, EN)).toEqual({ date });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['1 March', 'incomplete'],
    ['1 March 18', 'incomplete'],
    ['March 2018', 'incomplete'],
    ['29 February 2023', 'incomplete'],
    ['31 April 2018', 'incomplete'],
    ['0 April 2018', 'incomplete'],
    ['1 Marsh 2018', 'incomplete'],
    ['03/01/2018', 'incomplete'],
    ['2018-02-30', 'incomplete'],
    ['2018-3-1', 'incomplete'],
  ])('%j is refused (%s)', (text, problem) => {
    expect(readDate(text, EN)).toEqual({ problem });
  });

  it("reads the page's language, not the browser's", () => {
    expect(readDate('1 février 2018', FR)).toEqual({ date: '2018-02-01' });
    expect(readDate('1 févr. 2018', FR)).toEqual({ date: '2018-02-01' });
    expect(readDate('1 February 2018', FR)).toEqual({ problem: 'incomplete' });
  });
});
