/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser; ../shared/STACK.md).
 * WebGL for the map runs on SwiftShader with these flags: no GPU flag is needed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

export const CHROMIUM = process.env.MINEFREE_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh Chromium with its own user-data-dir, removed on close. */
export async function launchChromium(viewport = { width: 1280, height: 900 }): Promise<Chromium> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'minefree-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_FLAGS,
    viewport,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
