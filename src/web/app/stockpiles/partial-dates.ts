/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as the first and the last day it may mean. */

const pad = (n: number): string => String(n).padStart(2, '0');

export function earliestDay(date: string): string {
  if (/^\d{4}$/.test(date)) return `${date}-01-01`;
  if (/^\d{4}-\d{2}$/.test(date)) return `${date}-01`;
  return date;
}

export function latestDay(date: string): string {
  if (/^\d{4}$/.test(date)) return `${date}-12-31`;
  const month = /^(\d{4})-(\d{2})$/.exec(date);
  if (month) {
    const days = new Date(Date.UTC(Number(month[1]), Number(month[2]), 0)).getUTCDate();
    return `${date}-${pad(days)}`;
  }
  return date;
}
