// A report draft as a PDF made in Node (pdfmake, embedded Roboto): its text, read back with
// pdftotext, holds the State, the period, every form heading, the cells to complete, the French
// texts as written, the endnotes and page numbers; a long form runs over pages with its header.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportDraftPdf } from './pdf.js';
import { fromData, testDraft, toComplete } from './test-draft.js';

/** The text of a PDF (or of one page), as pdftotext reads it, white space collapsed. */
function textOf(pdf: Buffer, page?: number): string {
  const file = join(mkdtempSync(join(tmpdir(), 'minefree-draft-')), 'draft.pdf');
  writeFileSync(file, pdf);
  const pages = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return spawnSync('pdftotext', [...pages, file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
}

describe('report draft as PDF', () => {
  it('holds the State, the period, the cover, each form and the cells to complete', async () => {
    const pdf = await reportDraftPdf(testDraft());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = textOf(pdf);
    expect(text).toContain('Article 7 report of Cambodia');
    expect(text).toContain('Annual report on 2025, 1 January 2025 to 31 December 2025');
    expect(text).toContain('Cambodia (KHM)');
    expect(text).toContain('Form A: national implementation measures');
    expect(text).toContain('Form C: location of mined areas');
    expect(text).toContain('Form J: other relevant matters');
    expect(text).not.toContain('Form B:');
    // Four cells to complete in the tables, one mention in the legend.
    expect(text.match(/to complete/g)).toHaveLength(5);
    expect(text).toContain('Province de Battambang, près de Pailin');
    expect(text).toContain('Loi n° 98-12 relative à l’interdiction des mines');
    expect(text).toContain('Assistance aux victimes : réintégration économique');
    expect(text).toContain('12,500');
    expect(text).toContain('Since the last report: unchanged');
    expect(text).toContain('Notes and sources');
    expect(text).toContain('Sources: S01, S02. Records: hazard-area KHM-0001.');
    expect(text).toContain('Edited by hand; the data gave 750.');
    expect(text).toMatch(/Page 1 of \d/);
  });

  it('writes the form headings as bookmarks', async () => {
    const raw = (await reportDraftPdf(testDraft())).toString('latin1');
    expect(raw).toContain('/Outlines');
    expect(raw).toMatch(/\/DisplayDocTitle true/);
  });

  it('runs a long form over pages, its header on each, numbered in the footer', async () => {
    const rows = Array.from({ length: 90 }, (_, i) => ({
      key: `KHM-${String(i + 1).padStart(4, '0')}`,
      cells: { location: fromData(`Village n° ${i + 1}, déminé en partie`), area: toComplete() },
    }));
    const pdf = await reportDraftPdf(
      testDraft({ forms: [{ form: 'C', columns: ['location', 'area'], rows, changed: null }] }),
    );
    const last = textOf(pdf).match(/Page \d+ of (\d+)/)?.[1];
    expect(Number(last)).toBeGreaterThanOrEqual(3);
    const page2 = textOf(pdf, 2);
    expect(page2).toMatch(/Row Location Area/);
    expect(page2).toMatch(/Page 2 of \d+/);
    expect(textOf(pdf)).toContain('KHM-0090 Village n° 90, déminé en partie');
  });

  it('says so when a form has no rows', async () => {
    const pdf = await reportDraftPdf(
      testDraft({ forms: [{ form: 'E', columns: ['facility'], rows: [], changed: false }] }),
    );
    expect(textOf(pdf)).toContain(
      'Form E: conversion or decommissioning of production facilities Since the last report: unchanged No rows in this draft.',
    );
  });
});
