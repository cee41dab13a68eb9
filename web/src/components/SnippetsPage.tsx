import { useCallback, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore, type FormEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useDeleteSnippet, useSaveSnippet, useSnippets } from '../api/queries'
import type { Snippet } from '../api/types'
import { useComposerSuggestions } from '../hooks/useComposerSuggestions'
import { useErrorText } from '../hooks/useErrorText'
import type { PickedSnippetFile } from '../lib/composerExtras'
import { applyCompletion, findTrigger } from '../lib/composerTriggers'
import { showToast } from '../lib/toast'
import { addFiles, clearUploads, getUploads, removeUpload, setUploadErrorText, subscribeUploads } from '../lib/uploadStore'
import { ACCEPT, MAX_FILES, uploadedAttachments, uploadsSettled } from '../lib/uploads'
import '../styles/composer.css'
import '../styles/settings.css'
import { AttachmentTray } from './AttachmentTray'
import { IconEdit, IconFile, IconPaperclip, IconPlus, IconTrash } from './Icons'
import { SettingsHeader } from './SettingsHeader'
import { optionId, SuggestionPopover, useSuggestionKeys } from './SuggestionPopover'
import { SettingsLoadError, SettingsLoading } from './SettingsNotice'

type Props = { wid: string; canManage: boolean; showBack: boolean }

/**
 * Saved replies (snippets): owners and managers write them — a name, a text with `$`
 * variables, files — and everyone inserts them with `/` in the composer.
 */
export function SnippetsPage({ wid, canManage, showBack }: Props) {
  const { t } = useTranslation()
  const [adding, setAdding] = useState(false)
  return (
    <section className="settings" data-testid="snippets">
      <SettingsHeader wid={wid} title={t('composerTools.snippets.title')} showBack={showBack}>
        {canManage && !adding && (
          <button type="button" className="btn btn--primary settings-header__add" data-testid="snippet-add" onClick={() => setAdding(true)}>
            <IconPlus size={18} />
            <span>{t('composerTools.snippets.add')}</span>
          </button>
        )}
      </SettingsHeader>
      <div className="settings__scroller">
        <div className="settings__stack">
          <p className="settings__intro">{canManage ? t('composerTools.snippets.intro') : t('composerTools.snippets.forbidden')}</p>
          {adding && (
            <div className="settings__card">
              <SnippetForm wid={wid} snippet={null} onDone={() => setAdding(false)} />
            </div>
          )}
          <SnippetList wid={wid} canManage={canManage} adding={adding} />
        </div>
      </div>
    </section>
  )
}

function SnippetList({ wid, canManage, adding }: { wid: string; canManage: boolean; adding: boolean }) {
  const { t } = useTranslation()
  const query = useSnippets(wid)
  if (query.isPending) {
    return <SettingsLoading />
  }
  if (query.isError) {
    return <SettingsLoadError title={t('composerTools.snippets.loadError')} error={query.error} onRetry={() => void query.refetch()} />
  }
  // (While the first one is being written, no "none yet" under its form.)
  if (!query.data.length) return adding ? null : <p className="settings__notice">{t('composerTools.snippets.empty')}</p>
  return (
    <ul className="manage-list" data-testid="snippet-list">
      {query.data.map((s) => (
        <SnippetCard key={String(s.id)} wid={wid} snippet={s} canManage={canManage} />
      ))}
    </ul>
  )
}

function SnippetCard({ wid, snippet: s, canManage }: { wid: string; snippet: Snippet; canManage: boolean }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view')
  const remove = useDeleteSnippet(wid)
  return (
    <li className="settings__card manage-card snippet-card" data-testid="snippet-row" data-snippet-id={String(s.id)}>
      {mode === 'edit' ? (
        <SnippetForm wid={wid} snippet={s} onDone={() => setMode('view')} />
      ) : (
        <>
          <div className="manage-card__head">
            <div className="manage-card__title">
              <span className="manage-card__name" data-testid="snippet-name">
                <span className="snippet-card__slash">/</span>
                {s.name}
              </span>
            </div>
            {canManage && mode === 'view' && (
              <div className="manage-card__tools">
                <button
                  type="button"
                  className="icon-btn"
                  data-testid="snippet-edit"
                  aria-label={t('composerTools.snippets.edit')}
                  title={t('composerTools.snippets.edit')}
                  onClick={() => setMode('edit')}
                >
                  <IconEdit size={20} />
                </button>
                <button
                  type="button"
                  className="icon-btn manage-card__danger"
                  data-testid="snippet-delete"
                  aria-label={t('composerTools.snippets.delete')}
                  title={t('composerTools.snippets.delete')}
                  onClick={() => setMode('delete')}
                >
                  <IconTrash size={20} />
                </button>
              </div>
            )}
          </div>
          {s.text && (
            <p className="snippet-card__text" data-testid="snippet-text">
              {s.text}
            </p>
          )}
          {s.files.length > 0 && (
            <div className="snippet-card__files" aria-label={t('composerTools.snippets.filesCount', { count: s.files.length })}>
              {s.files.map((f) => (
                <span key={String(f.id)} className="snippet-file" data-testid="snippet-file" title={f.filename}>
                  <IconFile size={14} />
                  <span>{f.filename}</span>
                </span>
              ))}
            </div>
          )}
          {mode === 'delete' && (
            <div className="manage-card__confirm" role="alertdialog" aria-label={t('composerTools.snippets.deleteTitle', { name: s.name })}>
              <p>
                <strong>{t('composerTools.snippets.deleteTitle', { name: s.name })}</strong>
              </p>
              <p className="muted">{t('composerTools.snippets.deleteHint')}</p>
              {remove.isError && (
                <p className="form-error" role="alert">
                  {errorText(remove.error)}
                </p>
              )}
              <div className="manage-form__actions">
                <button type="button" className="btn" onClick={() => setMode('view')}>
                  {t('composerTools.snippets.cancel')}
                </button>
                <button
                  type="button"
                  className="btn btn--danger"
                  data-testid="snippet-delete-confirm"
                  disabled={remove.isPending}
                  onClick={() =>
                    remove.mutate(String(s.id), {
                      onSuccess: () => showToast(t('composerTools.snippets.deleted', { name: s.name })),
                    })
                  }
                >
                  <IconTrash size={18} />
                  {t('composerTools.snippets.delete')}
                </button>
              </div>
            </div>
          )}
        </>
      )}
    </li>
  )
}

/** Create (snippet null) or edit a snippet: name, text with a `$` variable list, files. */
function SnippetForm({ wid, snippet, onDone }: { wid: string; snippet: Snippet | null; onDone: () => void }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const save = useSaveSnippet(wid)
  const [name, setName] = useState(snippet?.name ?? '')
  const [text, setText] = useState(snippet?.text ?? '')
  const [kept, setKept] = useState<PickedSnippetFile[]>(() =>
    (snippet?.files ?? []).map((f) => ({ ...f, id: String(f.id), url: f.url ?? null, snippetName: '' })),
  )
  const [problem, setProblem] = useState<string | null>(null)
  // New files upload at once, like the composer's (their own key in the same store).
  const uploadKey = `snippet:${wid}:${snippet ? String(snippet.id) : 'new'}`
  const uploads = useSyncExternalStore(
    subscribeUploads,
    useCallback(() => getUploads(uploadKey), [uploadKey]),
  )
  const fileInput = useRef<HTMLInputElement>(null)
  const textArea = useRef<HTMLTextAreaElement>(null)
  const [sel, setSel] = useState({ start: 0, end: 0 })
  const [focused, setFocused] = useState(false)
  const [dismissedAt, setDismissedAt] = useState<number | null>(null)
  const caretAfter = useRef<number | null>(null)

  useEffect(() => setUploadErrorText(errorText), [errorText])
  // Leaving the form drops the files not saved.
  useEffect(() => () => clearUploads(uploadKey), [uploadKey])

  useLayoutEffect(() => {
    const el = textArea.current
    const caret = caretAfter.current
    if (!el || caret == null) return
    caretAfter.current = null
    el.focus({ preventScroll: true })
    el.setSelectionRange(caret, caret)
    setSel({ start: caret, end: caret })
  }, [text])

  // `$` opens the variables (no conversation here: no values, every variable is fine).
  const trigger = findTrigger(text, sel.start, ['$'], sel.end)
  if (dismissedAt !== null && trigger?.start !== dismissedAt) setDismissedAt(null)
  const openTrigger = focused && trigger && trigger.start !== dismissedAt ? trigger : null
  const suggestions = useComposerSuggestions(wid, null, openTrigger)
  const pick = (index: number) => {
    const chosen = suggestions?.picks[index]
    if (!chosen || chosen.kind !== 'variable' || !trigger) return
    const done = applyCompletion(text, trigger, chosen.token, { caretOffset: chosen.caretOffset })
    caretAfter.current = done.caret
    setText(done.text)
  }
  const keys = useSuggestionKeys({
    open: suggestions != null,
    count: suggestions?.items.length ?? 0,
    resetKey: `${openTrigger?.start}:${openTrigger?.query}`,
    onPick: pick,
    onClose: () => setDismissedAt(trigger?.start ?? null),
  })
  const listId = `snippet-vars-${snippet ? String(snippet.id) : 'new'}`

  /** The button: a `$` at the cursor opens the list. */
  const startVariable = () => {
    const el = textArea.current
    const at = el ? el.selectionStart : text.length
    const end = el ? el.selectionEnd : text.length
    const before = text.slice(0, at)
    const add = before && !/\s$/.test(before) ? ' $' : '$'
    caretAfter.current = at + add.length
    setText(before + add + text.slice(end))
  }

  const settled = uploadsSettled(uploads)
  const uploaded = uploadedAttachments(uploads)
  const hasContent = text.trim().length > 0 || kept.length > 0 || uploaded.length > 0
  const readCaret = (el: HTMLTextAreaElement) => setSel({ start: el.selectionStart, end: el.selectionEnd })

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!name.trim()) return
    if (!hasContent) {
      setProblem(t('composerTools.snippets.needsContent'))
      return
    }
    if (!settled) return
    setProblem(null)
    const body = { name: name.trim(), text, attachment_ids: [...kept.map((f) => f.id), ...uploaded.map((a) => String(a.id))] }
    save.mutate(snippet ? { id: String(snippet.id), body } : { id: null, body }, {
      onSuccess: (saved) => {
        clearUploads(uploadKey)
        showToast(t('composerTools.snippets.saved', { name: saved.name }))
        onDone()
      },
    })
  }

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    keys.onKeyDown(e)
  }

  return (
    <form className="manage-form snippet-form" data-testid="snippet-form" onSubmit={submit} noValidate>
      <label className="field">
        <span className="field__label">{t('composerTools.snippets.name')}</span>
        <input
          className="field__input"
          data-testid="snippet-name-input"
          value={name}
          maxLength={100}
          placeholder={t('composerTools.snippets.namePlaceholder')}
          aria-describedby="snippet-name-hint"
          onChange={(e) => setName(e.target.value)}
          autoFocus
        />
        <span className="settings__hint" id="snippet-name-hint">
          {t('composerTools.snippets.nameHint')}
        </span>
      </label>
      <div className="field">
        <label className="field__label" htmlFor={`${listId}-text`}>
          {t('composerTools.snippets.text')}
        </label>
        <div className="snippet-form__text">
          <textarea
            ref={textArea}
            id={`${listId}-text`}
            className="field__input field__textarea snippet-form__textarea"
            data-testid="snippet-text-input"
            value={text}
            maxLength={20_000}
            placeholder={t('composerTools.snippets.textPlaceholder', { example: '{{contact.first_name|there}}' })}
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={suggestions != null}
            aria-controls={suggestions ? listId : undefined}
            aria-activedescendant={suggestions?.items.length ? optionId(listId, keys.active) : undefined}
            onChange={(e) => {
              setText(e.target.value)
              readCaret(e.target)
              setProblem(null)
            }}
            onSelect={(e) => readCaret(e.currentTarget)}
            onFocus={(e) => {
              setFocused(true)
              readCaret(e.currentTarget)
            }}
            onBlur={() => setFocused(false)}
            onKeyDown={onKeyDown}
          />
          {suggestions && (
            <SuggestionPopover
              id={listId}
              testId="snippet-suggest"
              title={suggestions.title}
              items={suggestions.items}
              active={keys.active}
              onActive={keys.setActive}
              onPick={pick}
              onClose={() => setDismissedAt(trigger?.start ?? null)}
              loading={suggestions.loading}
              emptyText={suggestions.emptyText}
              showKeys={false}
            />
          )}
        </div>
        <div className="snippet-form__tools">
          <button type="button" className="btn" data-testid="snippet-variable" onPointerDown={(e) => e.preventDefault()} onClick={startVariable}>
            <span aria-hidden="true">$</span>
            {t('composerTools.snippets.insertVariable')}
          </button>
          <button type="button" className="btn" data-testid="snippet-attach" onClick={() => fileInput.current?.click()}>
            <IconPaperclip size={18} />
            {t('composerTools.snippets.addFiles')}
          </button>
          <input
            ref={fileInput}
            type="file"
            multiple
            hidden
            accept={ACCEPT}
            data-testid="snippet-attach-input"
            onChange={(e) => {
              addFiles(uploadKey, wid, Array.from(e.target.files ?? []))
              setProblem(null)
              e.target.value = ''
            }}
          />
        </div>
      </div>
      {(kept.length > 0 || uploads.length > 0) && (
        <div className="field snippet-form__files">
          <span className="field__label">{t('composerTools.snippets.files')}</span>
          <AttachmentTray
            items={uploads}
            onRemove={(key) => removeUpload(uploadKey, key)}
            snippetFiles={kept}
            onRemoveSnippetFile={(id) => setKept((files) => files.filter((f) => f.id !== id))}
          />
        </div>
      )}
      {(problem || save.isError) && (
        <p className="form-error" role="alert" data-testid="snippet-error">
          {problem ?? errorText(save.error)}
        </p>
      )}
      <div className="manage-form__actions">
        <button
          type="button"
          className="btn"
          onClick={() => {
            clearUploads(uploadKey)
            onDone()
          }}
        >
          {t('composerTools.snippets.cancel')}
        </button>
        <button
          type="submit"
          className="btn btn--primary"
          data-testid="snippet-save"
          disabled={save.isPending || !name.trim() || !settled || kept.length + uploads.length > MAX_FILES}
          title={settled ? undefined : t('composerTools.snippets.waiting')}
        >
          {save.isPending ? t('composerTools.snippets.saving') : t('composerTools.snippets.save')}
        </button>
      </div>
    </form>
  )
}
