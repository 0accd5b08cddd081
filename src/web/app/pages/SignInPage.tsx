import { type FormEvent, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useT } from '../i18n';
import { formText, signIn, signOut, useSession } from '../session';
import { useTitle } from '../use-title';

/** Where to go after signing in: only a page of this app (`/reports`), never another site. */
function nextPage(next: string | null): string {
  return next !== null && next.startsWith('/') && !next.startsWith('//') ? next : '/reports';
}

/** Sign in (national editors, the ISU, administrators): reading needs no account, drafting a report does. */
export function SignInPage() {
  const t = useT();
  useTitle(t('web:signIn.title'));
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setProblem(null);
    signIn(formText(form, 'email'), formText(form, 'password')).then(
      () => void navigate(nextPage(params.get('next'))),
      (error: unknown) => {
        setBusy(false);
        setProblem(error instanceof Error ? error.message : String(error));
      },
    );
  };

  return (
    <>
      <h1>{t('web:signIn.title')}</h1>
      {session.state === 'signed-in' ? (
        <p data-testid="signed-in">
          {t('web:signIn.signedInAs', { name: session.user.name, email: session.user.email })}{' '}
          <button type="button" className="link-button" onClick={() => void signOut()}>
            {t('web:signIn.signOut')}
          </button>
        </p>
      ) : (
        <>
          <p className="note">{t('web:signIn.why')}</p>
          <form
            className="sign-in"
            onSubmit={submit}
            aria-describedby={problem === null ? undefined : 'sign-in-problem'}
          >
            <label>
              {t('web:signIn.email')}
              <input name="email" type="email" autoComplete="username" required />
            </label>
            <label>
              {t('web:signIn.password')}
              <input name="password" type="password" autoComplete="current-password" required />
            </label>
            <button type="submit" disabled={busy}>
              {t('web:signIn.submit')}
            </button>
            <p id="sign-in-problem" role="alert" className="form-problem">
              {problem === null ? '' : t('web:signIn.refused', { message: problem })}
            </p>
          </form>
        </>
      )}
    </>
  );
}
