import { describe, expect, it } from 'vitest';
import { STATE_CODES } from '../core/states.js';
import { formatDate, formatInteger, formatList, formatNumber, language, stateName, t } from './index.js';
import overrides from './state-names.json' with { type: 'json' };

describe('the Node catalogue', () => {
  it('is initialised synchronously, in English', () => {
    expect(language()).toBe('en');
    expect(t('factsheet:title')).toBe('The Anti-Personnel Mine Ban Convention');
  });

  it('chooses plural forms with Intl.PluralRules and groups the count', () => {
    expect(t('cli:clearance.hazardAreas', { count: 1 })).toBe('1 hazard area');
    expect(t('cli:clearance.hazardAreas', { count: 12345 })).toBe('12,345 hazard areas');
    expect(t('cli:clearance.activities', { count: 0 })).toBe('0 activities');
  });
});

describe('Intl helpers', () => {
  it('writes dates as the app always has: day, month name, year', () => {
    expect(formatDate('1999-03-01')).toBe('1 March 1999');
    expect(formatDate('2017-12-13')).toBe('13 December 2017');
    expect(formatDate('2008-03')).toBe('March 2008');
    expect(formatDate('2025')).toBe('2025');
    expect(formatDate('2020-09-01', true)).toBe('1 Sep 2020');
    expect(formatDate('not a date')).toBe('not a date');
  });

  it('groups digits and keeps the decimals asked for', () => {
    expect(formatNumber(8605)).toBe('8,605');
    expect(formatNumber(479.56, { maximumFractionDigits: 1 })).toBe('479.6');
    expect(formatInteger(4472911.6)).toBe('4,472,912');
  });

  it('joins lists with the catalogue words', () => {
    expect(formatList([])).toBe('');
    expect(formatList(['Greece'])).toBe('Greece');
    expect(formatList(['Greece', 'Ukraine', 'Belarus'])).toBe('Greece, Ukraine and Belarus');
  });
});

describe('stateName', () => {
  it("keeps the reference data's English names", () => {
    expect(stateName('KHM', 'en')).toBe('Cambodia');
    expect(stateName('PSE', 'en')).toBe('State of Palestine');
    expect(stateName('KHM', 'en', 'Cambodia (as the caller holds it)')).toBe('Cambodia (as the caller holds it)');
  });

  it('takes other languages from i18n-iso-countries, with the UN short names where they differ', () => {
    expect(stateName('KHM', 'fr')).toBe('Cambodge');
    expect(stateName('BOL', 'fr')).toBe('Bolivie (État plurinational de)');
    expect(stateName('BOL', 'es')).toBe('Bolivia (Estado Plurinacional de)');
  });

  it('has a name for each of the 197 States in French and Spanish', () => {
    for (const lng of ['fr', 'es'])
      for (const code of STATE_CODES) expect(stateName(code, lng), `${code} ${lng}`).not.toBe(code);
  });

  it('gives every override a State code and a source', () => {
    for (const [lng, entries] of Object.entries(overrides)) {
      for (const [code, entry] of Object.entries(entries)) {
        expect((STATE_CODES as readonly string[]).includes(code), `${lng} ${code}`).toBe(true);
        expect(entry.source, `${lng} ${code}`).toMatch(/UNTERM/);
      }
    }
  });
});
