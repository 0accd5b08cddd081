/**
 * "No user-facing literal is written in code" (README.md), checked where it is easiest to break:
 * the browser app's JSX. Text between tags and the attributes people read (aria-label, title,
 * alt, placeholder, label) must come from the catalogue, not be written in the component.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const WEB_APP = fileURLToPath(new URL('../web/app/', import.meta.url));
const READ_ATTRIBUTES = new Set(['aria-label', 'title', 'alt', 'placeholder', 'label', 'aria-valuetext']);
/** Words are letters; symbols such as ✓ ✗ … ? · ▲ and punctuation are not words. */
const WORD = /\p{L}{2,}/u;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsxFiles(path);
    return name.endsWith('.tsx') ? [path] : [];
  });
}

function literals(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const at = (node: ts.Node): string =>
    `${relative(WEB_APP, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && WORD.test(node.text)) found.push(`${at(node)} text "${node.text.trim()}"`);
    if (
      ts.isJsxAttribute(node) &&
      READ_ATTRIBUTES.has(node.name.getText(source)) &&
      node.initializer !== undefined &&
      ts.isStringLiteral(node.initializer) &&
      WORD.test(node.initializer.text)
    )
      found.push(`${at(node)} ${node.name.getText(source)}="${node.initializer.text}"`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the browser app', () => {
  it('writes no words in its JSX: they come from the catalogue', () => {
    expect(tsxFiles(WEB_APP).flatMap(literals)).toEqual([]);
  });
});
