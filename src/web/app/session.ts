/**
 * Who is signed in, in the browser: the session cookie is the server's (HttpOnly); the app keeps only
 * what GET /api/v1/session answers (the account and the CSRF token every write sends as
 * `x-csrf-token`). Reading pages needs no session; drafts of Article 7 reports do.
 */
import { useSyncExternalStore } from 'react';
import { ApiError } from './api';

export interface SessionUser {
  email: string;
  name: string;
  role: 'admin' | 'isu' | 'editor' | 'viewer';
  /** The State a national editor works for; null for the other roles. */
  state: string | null;
}

export type Session = { state: 'loading' } | { state: 'signed-out' } | { state: 'signed-in'; user: SessionUser };

let current: Session = { state: 'loading' };
let csrfToken = '';
const listeners = new Set<() => void>();

function set(session: Session, token = ''): void {
  current = session;
  csrfToken = token;
  for (const listener of listeners) listener();
}

interface SessionAnswer {
  user: SessionUser;
  csrfToken: string;
}

async function problemOf(response: Response): Promise<ApiError> {
  let detail = `${response.status} ${response.statusText}`;
  try {
    const problem = (await response.json()) as { detail?: unknown };
    if (typeof problem.detail === 'string') detail = problem.detail;
  } catch {
    // not JSON: the status line
  }
  return new ApiError(response.status, detail);
}

let asked: Promise<void> | null = null;

/** Asks the server who is signed in (once per page load, and again after signing in or out). */
function refresh(): Promise<void> {
  asked ??= fetch('/api/v1/session', { headers: { accept: 'application/json' } })
    .then(async (response) => {
      if (!response.ok) return set({ state: 'signed-out' });
      const answer = (await response.json()) as SessionAnswer;
      set({ state: 'signed-in', user: answer.user }, answer.csrfToken);
    })
    .catch(() => set({ state: 'signed-out' }));
  return asked;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  void refresh();
  return () => listeners.delete(listener);
}

/** The session, kept up to date across components. */
export function useSession(): Session {
  return useSyncExternalStore(subscribe, () => current);
}

/** A text field of a submitted form ('' when absent). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/** Signs in; rejects with the server's words (wrong password, too many tries). */
export async function signIn(email: string, password: string): Promise<SessionUser> {
  const response = await fetch('/api/v1/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw await problemOf(response);
  const answer = (await response.json()) as SessionAnswer;
  asked = Promise.resolve();
  set({ state: 'signed-in', user: answer.user }, answer.csrfToken);
  return answer.user;
}

export async function signOut(): Promise<void> {
  await fetch('/api/v1/session', { method: 'DELETE', headers: { 'x-csrf-token': csrfToken } });
  asked = Promise.resolve();
  set({ state: 'signed-out' });
}

/** Whether the account may change the records of `iso3` (the server checks again: src/accounts/model.ts). */
export function mayWriteState(session: Session, iso3: string): boolean {
  if (session.state !== 'signed-in') return false;
  const { role, state } = session.user;
  return role === 'admin' || (role === 'editor' && state === iso3);
}

/** A write under `/api/v1`, with the session's CSRF token; rejects with the server's problem. */
export async function sendJson<T>(method: 'POST' | 'PATCH' | 'PUT', path: string, body: unknown): Promise<T> {
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrfToken },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await problemOf(response);
  return (await response.json()) as T;
}
