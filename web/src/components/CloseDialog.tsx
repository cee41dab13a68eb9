import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useConversationAction, usePreferences } from '../api/queries'
import type { Conversation } from '../api/types'
import { useErrorText } from '../hooks/useErrorText'
import { showToast } from '../lib/toast'
import { Sheet } from './Sheet'
import { Spinner } from './Spinner'
import '../styles/actions.css'

type Props = { wid: string; conversation: Conversation; onClose: () => void }

/**
 * Closing, as the workspace's `closing_notes` says: off — a plain confirmation; optional — a
 * note and a category may be given ("Close without a note" skips them); mandatory — both are
 * required (the server refuses without them too, and its reason shows here).
 */
export function CloseDialog({ wid, conversation: c, onClose }: Props) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const prefs = usePreferences(wid)
  // The server answers before anything changes on screen: a refusal shows in this dialog.
  const action = useConversationAction(wid)
  const [note, setNote] = useState('')
  const [category, setCategory] = useState<string | null>(null)
  const [tried, setTried] = useState(false)

  const mode = prefs.data?.closing_notes ?? 'off'
  const categories = prefs.data?.closing_categories ?? []
  const mandatory = mode === 'mandatory'
  const name = c.contact.name || c.contact.phone || c.contact.email || t('conversation.unknownContact')
  const missingNote = mandatory && !note.trim()
  const missingCategory = mandatory && !category

  const close = async (withNote: boolean) => {
    setTried(true)
    if (withNote && (missingNote || missingCategory)) return
    const body = withNote && mode !== 'off' ? { note: note.trim() || null, category } : {}
    try {
      await action.mutateAsync({ cid: String(c.id), action: { kind: 'close', ...body }, optimistic: false })
      showToast(t('actions.done.closed'))
      onClose()
    } catch {
      // Shown below from action.error.
    }
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    void close(true)
  }

  const busy = action.isPending
  const footer = (
    <>
      <button type="button" className="btn" onClick={onClose} disabled={busy}>
        {t('actions.cancel')}
      </button>
      {mode === 'optional' && (
        <button type="button" className="btn" onClick={() => void close(false)} disabled={busy} data-testid="close-without-note">
          {t('actions.closeDialog.withoutNote')}
        </button>
      )}
      <button
        type="submit"
        form="close-conversation-form"
        className="btn btn--primary"
        disabled={busy || prefs.isPending || (mandatory && !categories.length)}
        data-testid="close-confirm"
        {...(mode === 'off' ? { 'data-autofocus': true } : {})}
      >
        {busy ? t('actions.closeDialog.submitting') : t('actions.closeDialog.submit')}
      </button>
    </>
  )

  return (
    <Sheet title={t('actions.closeDialog.title')} onClose={onClose} footer={footer} testId="close-dialog">
      <form id="close-conversation-form" className="action-form" onSubmit={submit} noValidate>
        {prefs.isPending ? (
          <Spinner label={t('common.loading')} />
        ) : mode === 'off' ? (
          <p className="action-form__text">{t('actions.closeDialog.confirm', { name })}</p>
        ) : (
          <>
            {mandatory && <p className="action-form__hint">{t('actions.closeDialog.mandatoryHint')}</p>}
            <label className="field">
              <span className="field__label">
                {t('actions.closeDialog.note')}{' '}
                <span className="action-form__req">
                  {mandatory ? t('actions.closeDialog.required') : t('actions.closeDialog.optional')}
                </span>
              </span>
              <textarea
                className="field__input action-form__note"
                data-testid="closing-note"
                data-autofocus
                rows={3}
                maxLength={5000}
                value={note}
                placeholder={t('actions.closeDialog.notePlaceholder')}
                aria-invalid={tried && missingNote}
                onChange={(e) => setNote(e.target.value)}
                onKeyDown={(e) => {
                  // Ctrl/Cmd+Enter closes from the note (Enter makes a new line).
                  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                    e.preventDefault()
                    void close(true)
                  }
                }}
              />
              {tried && missingNote && <span className="field__error">{t('actions.closeDialog.needNote')}</span>}
            </label>
            {(categories.length > 0 || mandatory) && (
              <fieldset className="action-form__group">
                <legend className="field__label">
                  {t('actions.closeDialog.category')}{' '}
                  <span className="action-form__req">
                    {mandatory ? t('actions.closeDialog.required') : t('actions.closeDialog.optional')}
                  </span>
                </legend>
                {categories.length ? (
                  <div className="segmented" role="radiogroup" aria-label={t('actions.closeDialog.category')} data-testid="closing-categories">
                    {categories.map((cat) => (
                      <button
                        key={cat}
                        type="button"
                        role="radio"
                        aria-checked={category === cat}
                        className={`segmented__item ${category === cat ? 'segmented__item--on' : ''}`}
                        onClick={() => setCategory(category === cat ? null : cat)}
                      >
                        {cat}
                      </button>
                    ))}
                  </div>
                ) : mandatory ? (
                  <p className="form-error">{t('actions.closeDialog.noCategories')}</p>
                ) : null}
                {tried && missingCategory && categories.length > 0 && (
                  <span className="field__error">{t('actions.closeDialog.needCategory')}</span>
                )}
              </fieldset>
            )}
          </>
        )}
        {action.error && (
          <p className="form-error" role="alert" data-testid="close-error">
            {errorText(action.error)}
          </p>
        )}
      </form>
    </Sheet>
  )
}
