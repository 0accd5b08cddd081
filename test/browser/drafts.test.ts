/**
 * An Article 7 report drafted from the records, in Chromium against the real server: read by anyone,
 * completed and submitted by the State's national editor after signing in, frozen once submitted.
 * With MINEFREE_SCREENSHOTS=<folder> set, the pages are saved there at 1280 and 375 px (to look at).
 */
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/accounts/passwords.js';
import { createUser } from '../../src/accounts/store.js';
import { SYSTEM } from '../../src/store/audit.js';
import { expectAccessible } from './axe.js';
import { screenshot, useBrowserPages } from './pages.js';

const PASSWORD = 'a long enough password for tests';
const DRAFT = '/states/KHM/reports/2025/draft?asOf=2026-06-30';

const { open, done } = useBrowserPages({
  prepare: async (store) => {
    const passwordHash = await hashPassword(PASSWORD);
    await createUser(
      store,
      { email: 'editor@example.org', name: 'A KHM editor', role: 'editor', state: 'KHM', passwordHash },
      SYSTEM,
    );
    await createUser(
      store,
      { email: 'other@example.org', name: 'A LKA editor', role: 'editor', state: 'LKA', passwordHash },
      SYSTEM,
    );
  },
});

describe('a draft Article 7 report in Chromium', () => {
  it('shows every form to anyone, what is to complete, and where to sign in to edit it', async () => {
    const page = await open(DRAFT);
    await page.waitForSelector('section[data-form=J]', { timeout: 20_000 });
    expect(await page.locator('h1').textContent()).toBe('Article 7 report of Cambodia: Report on 2025');
    expect(await page.locator('section.draft-form h2').allTextContents()).toHaveLength(10);
    const formA = page.locator('section[data-form=A]');
    expect(await formA.locator('h2').textContent()).toBe('Form A: national implementation measures');
    expect(await formA.locator('.draft-to-complete').count()).toBeGreaterThan(0);
    expect(await page.locator('input').count()).toBe(0);
    const signIn = page.getByTestId('draft-read-only').getByRole('link');
    expect(await signIn.getAttribute('href')).toBe(
      `/sign-in?next=${encodeURIComponent('/states/KHM/reports/2025/draft')}`,
    );
    await expectAccessible(page, 'draft report, read only');
    await screenshot(page, 'draft-read-1280');
    await done(page);
  }, 60_000);

  it('refuses a wrong password with the reason, and an editor of another State cannot edit', async () => {
    const page = await open('/sign-in');
    await page.getByLabel('Email address').fill('other@example.org');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 10_000 }).toContain('Not signed in');
    await expectAccessible(page, 'sign in, refused');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/reports$/, { timeout: 10_000 });
    await page.goto(page.url().replace(/\/reports$/, DRAFT));
    await page.waitForSelector('section[data-form=J]', { timeout: 20_000 });
    expect(await page.getByTestId('draft-read-only').textContent()).toContain('may not change this State');
    expect(await page.locator('input').count()).toBe(0);
    await page.goto(page.url().replace(/\/states\/.*$/, '/sign-in'));
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email address').waitFor({ timeout: 10_000 });
    await done(page);
  }, 60_000);

  it("lets the State's editor complete a cell, save, submit, and then shows the report frozen", async () => {
    const page = await open(`/sign-in?next=${encodeURIComponent(DRAFT)}`);
    await page.getByLabel('Email address').fill('editor@example.org');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForSelector('section[data-form=A] input', { timeout: 20_000 });
    const cell = page.locator('section[data-form=A] tbody tr').first().locator('input').first();
    await cell.fill('Law No. 12 on the prohibition of anti-personnel mines');
    await page.getByRole('button', { name: 'Save the changes' }).click();
    await expect.poll(() => page.getByTestId('draft-said').textContent(), { timeout: 10_000 }).toBe('1 change saved.');
    expect(await cell.inputValue()).toBe('Law No. 12 on the prohibition of anti-personnel mines');
    await expectAccessible(page, 'draft report, editing');
    await screenshot(page, 'draft-edit-1280');
    await page.setViewportSize({ width: 375, height: 800 });
    await screenshot(page, 'draft-edit-375');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: 'Submit the report' }).click();
    await expect
      .poll(() => page.getByTestId('draft-said').textContent(), { timeout: 10_000 })
      .toBe('The report is submitted and frozen.');
    expect(await page.locator('input').count()).toBe(0);
    expect(await page.getByTestId('draft-status').textContent()).toContain('Submitted and frozen on');
    expect(await page.locator('section[data-form=A]').textContent()).toContain(
      'Law No. 12 on the prohibition of anti-personnel mines',
    );
    // Read again from the server: still frozen, with the entered words.
    await page.reload();
    await page.waitForSelector('section[data-form=J]', { timeout: 20_000 });
    expect(await page.getByTestId('draft-status').textContent()).toContain('Submitted and frozen on');
    expect(await page.locator('section[data-form=A] .draft-edited').count()).toBe(1);
    await screenshot(page, 'draft-submitted-1280');
    await done(page);
  }, 90_000);
});
