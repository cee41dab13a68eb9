import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/errors'
import { useLogin } from '../api/queries'
import { LangSwitch } from './LangSwitch'
import { Logo } from './Logo'

export function LoginPage({ next }: { next: string | null }) {
  const { t } = useTranslation()
  const loginMutation = useLogin()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')

  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    if (loginMutation.isPending) return
    loginMutation.mutate({ email: email.trim(), password })
  }

  let error: string | null = null
  const err = loginMutation.error
  if (err instanceof ApiError) {
    if (err.isNetwork) error = t('common.networkError')
    else if (err.problem?.detail) error = err.problem.detail
    else if (err.status === 401) error = t('login.wrongCredentials')
    else if (err.status === 429) error = t('login.tooManyAttempts', { seconds: err.retryAfter ?? 60 })
    else error = err.problem?.title ?? t('common.error')
  } else if (err) {
    error = t('common.error')
  }

  return (
    <div className="login">
      <div className="login__lang">
        <LangSwitch />
      </div>
      <form className="login__card" onSubmit={onSubmit} noValidate data-next={next ?? undefined}>
        <Logo />
        <p className="login__tagline">{t('app.tagline')}</p>
        <h1 className="login__title">{t('login.title')}</h1>
        <label className="field">
          <span className="field__label">{t('login.email')}</span>
          <input
            className="field__input"
            data-testid="login-email"
            type="email"
            name="email"
            autoComplete="username"
            inputMode="email"
            autoCapitalize="none"
            spellCheck={false}
            required
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('login.password')}</span>
          <input
            className="field__input"
            data-testid="login-password"
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p className="login__error" data-testid="login-error" role="alert">
            {error}
          </p>
        )}
        <button
          className="btn btn--primary btn--block"
          data-testid="login-submit"
          type="submit"
          disabled={loginMutation.isPending || !email.trim() || !password}
        >
          {loginMutation.isPending ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </div>
  )
}
