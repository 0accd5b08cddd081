import { t } from '../../i18n/index.js';
import type { FactSheet, Paragraph } from './model.js';

const notes = (p: Paragraph): string => p.notes.map((n) => `[^${n}]`).join('');

/** The fact sheet as Markdown, endnotes as footnotes. */
export function factSheetMarkdown(sheet: FactSheet): string {
  const lines = [`# ${sheet.title}`, '', `*${sheet.subtitle}*`, ''];
  for (const section of sheet.sections) {
    lines.push(`## ${section.title}`, '');
    for (const p of section.paragraphs) {
      if (p.kind === 'heading') lines.push(`### ${p.text}`, '');
      else if (p.kind === 'bullet') lines.push(`- ${p.text}${notes(p)}`);
      else lines.push(`${p.text}${notes(p)}`, '');
    }
    if (section.paragraphs.at(-1)?.kind === 'bullet') lines.push('');
  }
  lines.push(`## ${t('factsheet:endnotes')}`, '');
  for (const note of sheet.endnotes) lines.push(`[^${note.n}]: ${note.text}${note.url ? ` <${note.url}>` : ''}`);
  return `${lines.join('\n')}\n`;
}
