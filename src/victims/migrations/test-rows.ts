/** Rows the victims migrations' tests write straight into the tables, as each migration left them. */
import { sql } from 'kysely';
import type { Store } from '../../store/database.js';

export const record = (id: string, change: Record<string, unknown> = {}) => ({
  id,
  iso3: 'KHM',
  incident_date: '2020-01-02',
  incident_year: 2020,
  historic: 0,
  lat: 11.5,
  lon: 104.9,
  admin_area: 'Battambang',
  device: 'ap-mine',
  outcome: 'injured',
  sex: 'female',
  age: 30,
  age_band: '30-44',
  status: 'civilian',
  child: 0,
  activity: 'farming',
  needs: 'medical',
  referrals: '',
  synthetic: 0,
  recorded: '2026-01-01',
  ...change,
});

export const insert = (store: Store, table: string, row: Record<string, unknown>) =>
  sql`insert into ${sql.id(table)} (${sql.join(Object.keys(row).map((k) => sql.id(k)))}) values (${sql.join(
    Object.values(row).map((v) => sql`${v}`),
  )})`.execute(store.db);
