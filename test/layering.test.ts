/**
 * The layering rules of .dependency-cruiser.cjs fail on a violation and name the rule: a rules
 * file importing the store, the store importing a pillar, a pillar importing the web app. The
 * checks run on a small tree shaped like src/, so the real tree is never touched.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const dirs: string[] = [];

/** Runs the layering check on a tree of `files`; returns its exit status and output. */
function cruise(files: Record<string, string>): { status: number; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'minefree-layering-'));
  dirs.push(dir);
  const all = {
    'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' } }),
    'src/core/date.ts': 'export const today = (): string => "2026-11-30";\n',
    'src/store/database.ts': 'export interface Store { db: unknown }\n',
    'src/treaty/article4.ts': 'import { today } from "../core/date.js";\nexport const deadline = today;\n',
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  try {
    const output = execFileSync(process.execPath, [DEPCRUISE, 'src', '--config', CONFIG], {
      cwd: dir,
      encoding: 'utf8',
    });
    return { status: 0, output };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { status: failed.status, output: failed.stdout };
  }
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('layering rules', () => {
  it('pass a tree that keeps them', () => {
    expect(cruise({}).status).toBe(0);
  });

  it('fail when a rules file imports the store, naming the rule', () => {
    const { status, output } = cruise({
      'src/treaty/article5.ts': 'import type { Store } from "../store/database.js";\nexport type S = Store;\n',
    });
    expect(status).not.toBe(0);
    expect(output).toContain('rules-are-pure: src/treaty/article5.ts → src/store/database.ts');
  });

  it('fail when the store imports a pillar', () => {
    const { status, output } = cruise({
      'src/store/seed.ts': 'import { deadline } from "../treaty/article4.js";\nexport const d = deadline;\n',
    });
    expect(status).not.toBe(0);
    expect(output).toContain('store-knows-no-pillar');
  });

  it('fail when a pillar imports the web app, and when the web app imports code', () => {
    const { output } = cruise({
      'src/web/app/dates.ts': 'export const shown = 1;\n',
      'src/clearance/summary.ts': 'import { shown } from "../web/app/dates.js";\nexport const s = shown;\n',
      'src/web/app/page.ts': 'import { deadline } from "../../treaty/article4.js";\nexport const p = deadline;\n',
      'src/web/app/types.ts': 'import type { Store } from "../../store/database.js";\nexport type T = Store;\n',
    });
    expect(output).toContain('only-web-imports-web: src/clearance/summary.ts');
    expect(output).toContain('web-imports-only-types: src/web/app/page.ts');
    expect(output).not.toContain('src/web/app/types.ts');
  });
});
