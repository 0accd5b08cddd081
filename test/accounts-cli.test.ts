// The admin's account commands, run as a user would: add (with the State of a national editor),
// list, role, disable and enable, with the refusals that name what was expected.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/minefree.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'minefree-accounts-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function minefree(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MINEFREE_DB: join(dir, 'm.db'),
    DATABASE_URL: '',
    MINEFREE_PASSWORD: 'a long enough password',
  };
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Listed {
  email: string;
  name: string;
  role: string;
  state: string | null;
  disabled: boolean;
}
const list = (): Listed[] => JSON.parse(minefree('user', 'list', '--json').stdout) as Listed[];

describe('minefree user', { timeout: 300_000 }, () => {
  it('add: an admin, an ISU account, a national editor of its State, a viewer', () => {
    const add = (email: string, role: string, ...more: string[]) =>
      minefree('user', 'add', '--email', email, '--name', email.split('@')[0] ?? '', '--role', role, ...more);
    expect(add('root@example.org', 'admin').stdout).toContain('Created admin account root@example.org');
    expect(add('isu@example.org', 'isu').status).toBe(0);
    const editor = add('khm@example.org', 'editor', '--state', 'khm');
    expect(editor.stderr).toBe('');
    expect(editor.stdout).toContain('Created editor of KHM account khm@example.org');
    expect(add('viewer@example.org', 'viewer').status).toBe(0);
    expect(list().map((u) => [u.email, u.role, u.state, u.disabled])).toEqual([
      ['root@example.org', 'admin', null, false],
      ['isu@example.org', 'isu', null, false],
      ['khm@example.org', 'editor', 'KHM', false],
      ['viewer@example.org', 'viewer', null, false],
    ]);
  });

  it('add refuses an editor without a State, a State for another role, an unknown State, a taken email', () => {
    const refused = [
      minefree('user', 'add', '--email', 'x@example.org', '--name', 'X', '--role', 'editor'),
      minefree('user', 'add', '--email', 'x@example.org', '--name', 'X', '--role', 'isu', '--state', 'KHM'),
      minefree('user', 'add', '--email', 'x@example.org', '--name', 'X', '--role', 'editor', '--state', 'ZZZ'),
      minefree('user', 'add', '--email', 'x@example.org', '--name', 'X', '--role', 'owner'),
    ];
    for (const r of refused) {
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
    }
    expect(refused[0]?.stderr).toContain('--state');
    expect(refused[1]?.stderr).toContain('only a national editor');
    expect(refused[2]?.stderr).toContain('"ZZZ" is not a State');
    expect(refused[3]?.stderr).toContain('admin, isu, editor, viewer');
    const taken = minefree('user', 'add', '--email', 'KHM@example.org', '--name', 'K', '--role', 'viewer');
    expect(taken.status).toBe(1);
    expect(taken.stderr).toContain('email');
    expect(list()).toHaveLength(4);
  });

  it('list prints a table with every account', () => {
    const { stdout, status } = minefree('user', 'list');
    expect(status).toBe(0);
    expect(stdout).toMatch(/Email\s+Name\s+Role\s+State\s+Status\s+Created/);
    expect(stdout).toMatch(/khm@example\.org\s+khm\s+editor\s+KHM\s+active/);
  });

  it('role moves a national editor to another State, or makes it ISU', () => {
    const moved = minefree('user', 'role', 'khm@example.org', 'editor', '--state', 'SEN');
    expect(moved.stderr).toBe('');
    expect(moved.stdout).toContain('Changed khm@example.org (editor of SEN)');
    expect(minefree('user', 'role', 'khm@example.org', 'isu').stdout).toContain('(isu)');
    expect(list().find((u) => u.email === 'khm@example.org')).toMatchObject({ role: 'isu', state: null });
    expect(minefree('user', 'role', 'khm@example.org', 'editor').status).toBe(2);
    const unknown = minefree('user', 'role', 'nobody@example.org', 'viewer');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('nobody@example.org');
  });

  it('disable and enable an account', () => {
    expect(minefree('user', 'disable', 'viewer@example.org').stdout).toContain('Disabled viewer@example.org');
    expect(list().find((u) => u.email === 'viewer@example.org')?.disabled).toBe(true);
    expect(minefree('user', 'list').stdout).toMatch(/viewer@example\.org\s+viewer\s+viewer\s+disabled/);
    expect(minefree('user', 'enable', 'viewer@example.org').stdout).toContain('Enabled viewer@example.org');
    expect(list().find((u) => u.email === 'viewer@example.org')?.disabled).toBe(false);
  });
});
