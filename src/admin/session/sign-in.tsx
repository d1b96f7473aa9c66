import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { useSignIn } from './session';

export function SignIn() {
  const { t } = useI18n();
  const [token, setToken] = useState('');
  const signIn = useSignIn();
  const hintId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate(token.trim());
  };
  const wrong = signIn.error instanceof ApiError && signIn.error.status === 401;
  return (
    <section className="card sign-in" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">{t('session.signInTitle')}</h2>
      <form onSubmit={submit}>
        <label className="field">
          {t('session.tokenLabel')}
          <input
            type="password"
            autoComplete="current-password"
            required
            value={token}
            aria-describedby={hintId}
            aria-invalid={wrong || undefined}
            onChange={(e) => setToken(e.target.value)}
          />
        </label>
        <p id={hintId} className="muted">
          {t('session.tokenHint')}
        </p>
        {signIn.error && (
          <p role="alert" className="error">
            {wrong ? t('session.wrongToken') : t('common.failed', { message: signIn.error.message })}
          </p>
        )}
        <button type="submit" className="primary" disabled={signIn.isPending}>
          {t('session.signIn')}
        </button>
      </form>
    </section>
  );
}
