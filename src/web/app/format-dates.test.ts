/**
 * formatDate and the catalogue's formatters, which build their Intl formatters and read the date
 * patterns once per language: the answers must follow a change of language and a catalogue that
 * arrives later, exactly as if nothing were kept.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { formatDate } from './dates';
import { formatNumber, i18n, monthName } from './i18n';

// Only English is bundled today: French is let in for these tests, as a new locales/fr/ folder would be.
i18n.options.supportedLngs = ['en', 'fr', 'cimode'];
(i18n.services.languageUtils as { supportedLngs: unknown }).supportedLngs = i18n.options.supportedLngs;
// A French catalogue with the date pattern and two month names (the others fall back to English).
i18n.addResourceBundle(
  'fr',
  'common',
  {
    date: { dayMonthYear: '{{day}} {{month}} {{year}}' },
    month: { long: { 2: 'février', 6: 'juin' }, short: { 2: 'févr.' } },
  },
  true,
  true,
);

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('formatDate', () => {
  it.each([
    ['2018-06-01', false, '1 June 2018'],
    ['2018-06-01', true, '1 Jun 2018'],
    ['2016-02-29', false, '29 February 2016'],
    ['1999-12-31', false, '31 December 1999'],
    ['2008-03', false, 'March 2008'],
    ['2008-01', true, 'Jan 2008'],
    ['2025', false, '2025'],
    ['2025-13', false, '2025-13'],
    ['2025-00-01', false, '2025-00-01'],
    ['not a date', false, 'not a date'],
  ])('%s (short %s) -> %s', (date, short, shown) => {
    expect(formatDate(date, short)).toBe(shown);
  });

  it('follows a change of language, and a catalogue that arrives after the first date was shown', async () => {
    expect(formatDate('2018-06-01')).toBe('1 June 2018');
    await i18n.changeLanguage('fr');
    expect(formatDate('2018-06-01')).toBe('1 juin 2018');
    // The catalogue's pattern changes (a translation loaded later): the next date uses it.
    i18n.addResourceBundle('fr', 'common', { date: { dayMonthYear: '{{year}}, {{day}} {{month}}' } }, true, true);
    i18n.emit('loaded', { fr: ['common'] });
    expect(formatDate('2018-06-01')).toBe('2018, 1 juin');
    await i18n.changeLanguage('en');
    expect(formatDate('2018-06-01')).toBe('1 June 2018');
  });
});

describe('monthName and formatNumber', () => {
  it('names every month, long and short, in the language of the moment', async () => {
    expect(Array.from({ length: 12 }, (_, i) => monthName(i + 1))).toEqual([
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ]);
    expect(monthName(9, true)).toBe('Sep');
    await i18n.changeLanguage('fr');
    expect(monthName(2)).toBe('février');
    expect(monthName(2, true)).toBe('févr.');
  });

  it('formats with the options asked for, each kept apart', async () => {
    expect(formatNumber(1234.5)).toBe('1,234.5');
    expect(formatNumber(1234.5, { maximumFractionDigits: 0 })).toBe('1,235');
    expect(formatNumber(0.256, { style: 'percent' })).toBe('26%');
    expect(formatNumber(1234.5)).toBe('1,234.5');
    await i18n.changeLanguage('fr');
    expect(formatNumber(1234.5)).toBe('1\u202f234,5');
  });
});
