import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { usePreferences, useUpdatePreferences } from '../api/queries'
import type { Preferences } from '../api/types'
import { useErrorText } from '../hooks/useErrorText'
import { preferencesPatch } from '../lib/preferences'
import { paths } from '../lib/routes'
import { navigate } from '../lib/router'
import { languageName, TRANSCRIBE_LANGUAGES } from '../lib/voice'
import { IconBack, IconCheck } from './Icons'
import { Spinner } from './Spinner'

type Props = { wid: string; canManage: boolean; showBack: boolean }

/** Workspace preferences (owners and managers): automatic transcription and its language. */
export function PreferencesPage({ wid, canManage, showBack }: Props) {
  const { t } = useTranslation()
  return (
    <section className="settings" data-testid="preferences">
      <header className="conv-header">
        {showBack && (
          <button
            type="button"
            className="icon-btn conv-header__back"
            data-testid="back-button"
            aria-label={t('settings.back')}
            onClick={() => navigate(paths.inbox(wid), { replace: true })}
          >
            <IconBack size={26} />
          </button>
        )}
        <div className="conv-header__text">
          <h2 className="conv-header__name">{t('settings.title')}</h2>
        </div>
      </header>
      <div className="settings__scroller">
        {canManage ? (
          <PreferencesForm key={wid} wid={wid} />
        ) : (
          <p className="settings__notice">{t('settings.forbidden')}</p>
        )}
      </div>
    </section>
  )
}

function PreferencesForm({ wid }: { wid: string }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const query = usePreferences(wid)
  const save = useUpdatePreferences(wid)
  const [edits, setEdits] = useState<Partial<Preferences>>({})
  const [savedOnce, setSavedOnce] = useState(false)

  if (query.isPending) {
    return (
      <div className="settings__notice">
        <Spinner label={t('common.loading')} />
      </div>
    )
  }
  if (query.isError) {
    return (
      <div className="settings__notice">
        <p>{t('settings.loadError')}</p>
        <p className="muted">{errorText(query.error)}</p>
        <button type="button" className="btn" onClick={() => void query.refetch()}>
          {t('common.retry')}
        </button>
      </div>
    )
  }

  const saved = query.data
  const form: Preferences = { ...saved, ...edits }
  const patch = preferencesPatch(saved, form)
  const dirty = Object.keys(patch).length > 0
  const edit = (change: Partial<Preferences>) => {
    setEdits((e) => ({ ...e, ...change }))
    setSavedOnce(false)
    save.reset()
  }

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!dirty || save.isPending) return
    save.mutate(patch, {
      onSuccess: () => {
        setEdits({})
        setSavedOnce(true)
      },
    })
  }

  const language = form.transcribe_language ?? ''
  // A hint set elsewhere (API) that is not in the list still shows.
  const languages: string[] = [...TRANSCRIBE_LANGUAGES]
  if (language && !languages.includes(language)) languages.push(language)

  return (
    <form className="settings__card" onSubmit={submit} noValidate>
      <h3 className="settings__section">{t('settings.voiceSection')}</h3>
      <label className="settings__row">
        <span className="settings__label">
          <span className="settings__title">{t('settings.autoTranscribe')}</span>
          <span className="settings__hint">{t('settings.autoTranscribeHint')}</span>
        </span>
        <input
          type="checkbox"
          role="switch"
          className="switch"
          data-testid="pref-auto-transcribe"
          checked={form.auto_transcribe ?? false}
          onChange={(e) => edit({ auto_transcribe: e.target.checked })}
        />
      </label>
      <label className="settings__field">
        <span className="settings__title">{t('settings.language')}</span>
        <select
          className="select settings__select"
          data-testid="pref-language"
          value={language}
          onChange={(e) => edit({ transcribe_language: e.target.value || null })}
        >
          <option value="">{t('settings.languageAuto')}</option>
          {languages.map((code) => (
            <option key={code} value={code}>
              {languageName(code)} ({code})
            </option>
          ))}
        </select>
        <span className="settings__hint">{t('settings.languageHint')}</span>
      </label>
      <div className="settings__footer">
        <span
          className={`settings__status ${save.isError ? 'settings__status--error' : !dirty && savedOnce ? 'settings__status--saved' : ''}`}
          data-testid="pref-status"
          role={save.isError ? 'alert' : 'status'}
        >
          {save.isError ? (
            errorText(save.error)
          ) : dirty ? (
            t('settings.unsaved')
          ) : savedOnce ? (
            <>
              <IconCheck size={16} /> {t('settings.saved')}
            </>
          ) : null}
        </span>
        <button type="submit" className="btn btn--primary" data-testid="pref-save" disabled={!dirty || save.isPending}>
          {save.isPending ? t('settings.saving') : t('settings.save')}
        </button>
      </div>
    </form>
  )
}
