/**
 * The catalogue and the code agree: every key the code names exists in English, every English
 * key is used, and every other language holds only English keys with the same placeholders.
 * Keys are found as the string literals `'<namespace>:<key>'` anywhere in src/ (README.md).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../', import.meta.url));
const LOCALES = fileURLToPath(new URL('./locales/', import.meta.url));
const NAMESPACES = readdirSync(join(LOCALES, 'en')).map((file) => file.replace(/\.json$/, ''));
/** i18next's plural suffixes (Intl.PluralRules categories): `key_one` and `key_other` are both `key` in code. */
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix: string, out: Map<string, string>): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(`${prefix}${key}`, value);
    else flatten(value, `${prefix}${key}.`, out);
  }
  return out;
}

function catalogue(language: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const ns of NAMESPACES) {
    let text: string;
    try {
      text = readFileSync(join(LOCALES, language, `${ns}.json`), 'utf8');
    } catch {
      continue;
    }
    flatten(JSON.parse(text) as Tree, `${ns}:`, out);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const english = catalogue('en');
const files = sourceFiles(SRC).filter((f) => f !== fileURLToPath(import.meta.url));
const keyLiteral = new RegExp(`(['"\`])((?:${NAMESPACES.join('|')}):[A-Za-z0-9_.-]+)\\1`, 'g');
const used = new Map<string, string>();
for (const file of files) {
  for (const match of readFileSync(file, 'utf8').matchAll(keyLiteral)) {
    if (match[2] !== undefined) used.set(match[2], relative(SRC, file));
  }
}
const base = (key: string): string => key.replace(PLURAL, '');
const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*([A-Za-z0-9_]+)/g)].map((m) => m[1] ?? '').sort();

describe('the message catalogue', () => {
  it('has the namespaces of the README', () => {
    expect(NAMESPACES.sort()).toEqual(['cli', 'common', 'factsheet', 'reporting', 'web']);
  });

  it('holds every key the code uses, in English', () => {
    const englishBases = new Set([...english.keys()].map(base));
    const missing = [...used].filter(([key]) => !english.has(key) && !englishBases.has(key));
    expect(missing.map(([key, file]) => `${key} (${file})`)).toEqual([]);
  });

  it('has no key the code does not use', () => {
    const unused = [...english.keys()].filter((key) => !used.has(key) && !used.has(base(key)));
    expect(unused).toEqual([]);
  });

  it('names keys in full: no key is built from pieces at run time', () => {
    const built = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*`[^`]*\$\{/g)].map(() => relative(SRC, file)),
    );
    expect(built).toEqual([]);
  });

  it('gives each plural key its "other" form', () => {
    const plurals = [...english.keys()].filter((key) => PLURAL.test(key));
    for (const key of plurals) expect(english.has(`${base(key)}_other`), key).toBe(true);
  });

  const others = readdirSync(LOCALES).filter((language) => language !== 'en');
  it.each(others.length > 0 ? others : ['(none yet)'])('translation %s: English keys and placeholders only', (lng) => {
    if (lng === '(none yet)') return;
    for (const [key, text] of catalogue(lng)) {
      const source = english.get(key) ?? english.get(`${base(key)}_other`);
      expect(source, `${lng} ${key}: not an English key`).toBeDefined();
      for (const name of placeholders(text)) expect(placeholders(source ?? ''), `${lng} ${key}`).toContain(name);
    }
  });
});
