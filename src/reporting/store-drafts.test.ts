// Drafts in the database, on SQLite and PostgreSQL: edits written with their audit row, a report
// frozen once submitted (a conflict, nothing written), and the database itself refusing a
// submitted row without its frozen report.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDate } from '../core/date.js';
import { RejectedWriteError } from '../core/rejection.js';
import { initDatabase } from '../setup/seed.js';
import { SYSTEM } from '../store/audit.js';
import type { Store } from '../store/database.js';
import { forEachDatabase } from '../store/test-databases.js';
import { draftReport } from './forms/draft.js';
import { mergeEdits } from './forms/edits.js';
import { emptyRecords } from './forms/test-records.js';
import type { CellEdit } from './model.js';
import { loadDraft, loadSubmitted, saveEdits, submitDraft } from './store-drafts.js';

const edit: CellEdit = { form: 'A', row: 'measures', column: 'reference', value: 'Law 1' };
const context = { status: 'submitted' as const, asOf: parseDate('2020-12-31'), submittedOn: parseDate('2021-04-01') };

forEachDatabase((database) => {
  describe('Article 7 drafts', () => {
    let store: Store;
    beforeAll(async () => {
      store = await database.open();
      await initDatabase(store);
    });
    const audits = async () =>
      (await store.db.selectFrom('audit_log').select('entity_id').where('entity', '=', 'article7-draft').execute())
        .length;

    it('stores edits, submits once, and refuses every write after', async () => {
      expect(await loadDraft(store.db, 'KHM', 2020)).toMatchObject({ status: 'draft', edits: [], submitted: null });
      await saveEdits(store, 'KHM', 2020, (e) => mergeEdits(e, [edit]), SYSTEM);
      expect((await loadDraft(store.db, 'KHM', 2020)).edits).toEqual([edit]);
      const frozen = await submitDraft(
        store,
        'KHM',
        2020,
        parseDate('2021-04-01'),
        (edits) => draftReport(emptyRecords(2020), { ...context, edits, previous: null }),
        SYSTEM,
      );
      expect(frozen.forms[0]?.rows[0]?.cells.reference).toMatchObject({ value: 'Law 1', origin: 'edited' });
      expect(await loadSubmitted(store.db, 'KHM')).toEqual([frozen]);
      expect(await audits()).toBe(2);
      const refused = saveEdits(store, 'KHM', 2020, (e) => mergeEdits(e, [{ ...edit, value: 'Law 2' }]), SYSTEM);
      await expect(refused).rejects.toThrow(RejectedWriteError);
      await expect(refused).rejects.toMatchObject({ reason: 'conflict' });
      const again = submitDraft(store, 'KHM', 2020, parseDate('2021-04-02'), () => frozen, SYSTEM);
      await expect(again).rejects.toMatchObject({ reason: 'conflict' });
      expect(await loadDraft(store.db, 'KHM', 2020)).toMatchObject({ edits: [edit], submittedOn: '2021-04-01' });
      expect(await audits()).toBe(2);
    });

    it('a refused change writes nothing', async () => {
      const failing = saveEdits(
        store,
        'THA',
        2020,
        () => {
          throw new RejectedWriteError('invalid', 'edits', 'a cell of the draft');
        },
        SYSTEM,
      );
      await expect(failing).rejects.toThrow(RejectedWriteError);
      expect(await store.db.selectFrom('article7_drafts').select('id').where('iso3', '=', 'THA').execute()).toEqual([]);
    });

    it('the database keeps a submitted row with its frozen report and day, and one row per State and report', async () => {
      const row = { iso3: 'THA' as const, period: '2019', edits: '[]' };
      await expect(
        store.db
          .insertInto('article7_drafts')
          .values({ ...row, status: 'submitted', submitted: null, submitted_on: null })
          .execute(),
      ).rejects.toThrow();
      await expect(
        store.db
          .insertInto('article7_drafts')
          .values({ ...row, status: 'draft', submitted: null, submitted_on: '2020-13-01' as never })
          .execute(),
      ).rejects.toThrow();
      await store.db
        .insertInto('article7_drafts')
        .values({ ...row, status: 'draft', submitted: null, submitted_on: null })
        .execute();
      await expect(
        store.db
          .insertInto('article7_drafts')
          .values({ ...row, status: 'draft', submitted: null, submitted_on: null })
          .execute(),
      ).rejects.toThrow();
    });
  });
});
