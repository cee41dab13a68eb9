import { useState, type FormEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { usePreferences, useUpdatePreferences } from '../api/queries'
import type { Preferences } from '../api/types'
import { useErrorText } from '../hooks/useErrorText'
import { categoryIssues, MAX_CATEGORIES, preferencesPatch, type CategoryIssue } from '../lib/preferences'
import { languageName, TRANSCRIBE_LANGUAGES } from '../lib/voice'
import '../styles/settings.css'
import { IconCheck, IconPlus, IconTrash } from './Icons'
import { SettingsHeader } from './SettingsHeader'
import { SettingsLoadError, SettingsLoading } from './SettingsNotice'

type Props = { wid: string; canManage: boolean; showBack: boolean }

type ClosingNotes = NonNullable<Preferences['closing_notes']>
const CLOSING_MODES: readonly ClosingNotes[] = ['off', 'optional', 'mandatory']

/** Workspace preferences (owners and managers): voice messages, and how the inbox works. */
export function PreferencesPage({ wid, canManage, showBack }: Props) {
  const { t } = useTranslation()
  return (
    <section className="settings" data-testid="preferences">
      <SettingsHeader wid={wid} title={t('settings.nav.preferences')} showBack={showBack} />
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
    return <SettingsLoading />
  }
  if (query.isError) {
    return <SettingsLoadError title={t('settings.loadError')} error={query.error} onRetry={() => void query.refetch()} />
  }

  const saved = query.data
  const form: Preferences = { ...saved, ...edits }
  const categories = form.closing_categories ?? []
  const issues = categoryIssues(categories)
  const closing = form.closing_notes ?? 'off'
  // Required notes with nothing to pick could never be written: say so before saving.
  const needsCategory = closing === 'mandatory' && !categories.some((c) => c.trim())
  const invalid = issues.some(Boolean) || needsCategory || categories.length > MAX_CATEGORIES
  const patch = preferencesPatch(saved, { ...form, closing_categories: categories.map((c) => c.trim()) })
  const dirty = Object.keys(patch).length > 0
  const edit = (change: Partial<Preferences>) => {
    setEdits((e) => ({ ...e, ...change }))
    setSavedOnce(false)
    save.reset()
  }

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!dirty || invalid || save.isPending) return
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
    <form className="settings__stack" onSubmit={submit} noValidate>
      <div className="settings__card">
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
      </div>

      <div className="settings__card" data-testid="pref-inbox">
        <h3 className="settings__section">{t('settings.inboxSection')}</h3>
        <div className="settings__field" role="radiogroup" aria-labelledby="pref-closing-title">
          <span className="settings__title" id="pref-closing-title">
            {t('settings.closingNotes')}
          </span>
          <span className="settings__hint">{t('settings.closingNotesHint')}</span>
          <div className="segmented settings__segmented">
            {CLOSING_MODES.map((mode) => (
              <button
                key={mode}
                type="button"
                role="radio"
                aria-checked={closing === mode}
                className={`segmented__item ${closing === mode ? 'segmented__item--on' : ''}`}
                data-testid={`pref-closing-${mode}`}
                onClick={() => edit({ closing_notes: mode })}
              >
                {t(`settings.closing.${mode}`)}
              </button>
            ))}
          </div>
        </div>
        {closing !== 'off' && (
          <CategoriesEditor
            categories={categories}
            issues={issues}
            needsCategory={needsCategory}
            onChange={(next) => edit({ closing_categories: next })}
          />
        )}
        <Toggle
          testId="pref-agent-visibility"
          title={t('settings.agentVisibility')}
          hint={t('settings.agentVisibilityHint')}
          checked={form.agent_visibility === 'assigned'}
          onChange={(on) => edit({ agent_visibility: on ? 'assigned' : 'all' })}
        />
        <Toggle
          testId="pref-phone-masking"
          title={t('settings.phoneMasking')}
          hint={t('settings.phoneMaskingHint')}
          checked={form.phone_masking ?? false}
          onChange={(on) => edit({ phone_masking: on })}
        />
        <Toggle
          testId="pref-agents-see-blocked"
          title={t('settings.agentsSeeBlocked')}
          hint={t('settings.agentsSeeBlockedHint')}
          checked={form.agents_see_blocked ?? false}
          onChange={(on) => edit({ agents_see_blocked: on })}
        />
      </div>

      <div className="settings__footer settings__footer--sticky">
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
        <button type="submit" className="btn btn--primary" data-testid="pref-save" disabled={!dirty || invalid || save.isPending}>
          {save.isPending ? t('settings.saving') : t('settings.save')}
        </button>
      </div>
    </form>
  )
}

function Toggle(props: { testId: string; title: string; hint: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <label className="settings__row">
      <span className="settings__label">
        <span className="settings__title">{props.title}</span>
        <span className="settings__hint">{props.hint}</span>
      </span>
      <input
        type="checkbox"
        role="switch"
        className="switch"
        data-testid={props.testId}
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />
    </label>
  )
}

type CategoriesProps = {
  categories: readonly string[]
  issues: readonly (CategoryIssue | null)[]
  needsCategory: boolean
  onChange: (next: string[]) => void
}

/** The closing categories: rename in place, remove, add. */
function CategoriesEditor({ categories, issues, needsCategory, onChange }: CategoriesProps) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState('')
  const draftName = draft.trim()
  const repeated = draftName && categories.some((c) => c.trim().toLocaleLowerCase() === draftName.toLocaleLowerCase())
  const full = categories.length >= MAX_CATEGORIES
  const issueText = (issue: CategoryIssue) =>
    issue.code === 'blank'
      ? t('settings.categoryBlank')
      : issue.code === 'tooLong'
        ? t('settings.categoryTooLong')
        : t('settings.categoryRepeated', { name: issue.name })

  const add = () => {
    if (!draftName || repeated || full) return
    onChange([...categories, draftName])
    setDraft('')
  }
  const onDraftKey = (e: KeyboardEvent<HTMLInputElement>) => {
    // Enter adds the category instead of submitting the whole form.
    if (e.key === 'Enter') {
      e.preventDefault()
      add()
    }
  }

  return (
    <div className="settings__field categories" data-testid="pref-categories">
      <span className="settings__title">{t('settings.categories')}</span>
      <span className="settings__hint">{t('settings.categoriesHint')}</span>
      {categories.length === 0 && <span className="settings__hint">{t('settings.categoriesEmpty')}</span>}
      <ul className="categories__list">
        {categories.map((name, i) => {
          const issue = issues[i]
          return (
            <li key={i} className="categories__row" data-testid="pref-category">
              <input
                className="field__input categories__input"
                value={name}
                maxLength={120}
                aria-label={t('settings.categoryName', { n: i + 1 })}
                aria-invalid={issue ? true : undefined}
                data-testid="pref-category-input"
                onChange={(e) => onChange(categories.map((c, j) => (j === i ? e.target.value : c)))}
              />
              <button
                type="button"
                className="icon-btn"
                aria-label={t('settings.removeCategory', { name })}
                title={t('settings.removeCategory', { name })}
                data-testid="pref-category-remove"
                onClick={() => onChange(categories.filter((_, j) => j !== i))}
              >
                <IconTrash size={20} />
              </button>
              {issue && <span className="field__error categories__error">{issueText(issue)}</span>}
            </li>
          )
        })}
      </ul>
      <div className="categories__row">
        <input
          className="field__input categories__input"
          value={draft}
          maxLength={100}
          placeholder={t('settings.categoryPlaceholder')}
          aria-label={t('settings.categoryPlaceholder')}
          aria-invalid={repeated ? true : undefined}
          disabled={full}
          data-testid="pref-category-new"
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onDraftKey}
        />
        <button
          type="button"
          className="icon-btn categories__add"
          data-testid="pref-category-add"
          aria-label={t('settings.addCategory')}
          title={t('settings.addCategory')}
          disabled={!draftName || !!repeated || full}
          onClick={add}
        >
          <IconPlus size={22} />
        </button>
        {repeated && <span className="field__error categories__error">{t('settings.categoryRepeated', { name: draftName })}</span>}
        {full && <span className="field__error categories__error">{t('settings.categoriesTooMany', { max: MAX_CATEGORIES })}</span>}
      </div>
      {needsCategory && (
        <p className="field__error" role="alert" data-testid="pref-categories-needed">
          {t('settings.categoriesNeeded')}
        </p>
      )}
    </div>
  )
}
