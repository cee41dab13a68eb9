import { useEffect, useState, type FormEvent } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { useTemplates } from '../api/queries'
import type { Template, TemplateSend } from '../api/types'
import { useErrorText } from '../hooks/useErrorText'
import { fillTemplate, templateValues } from '../lib/channels'
import { IconBack, IconClose } from './Icons'
import { Spinner } from './Spinner'

type Props = {
  wid: string
  channelId: string
  onSend: (template: TemplateSend, text: string) => void
  onClose: () => void
}

/** Pick an approved WhatsApp template, fill in its variables, see the result, send. */
export function TemplatePicker({ wid, channelId, onSend, onClose }: Props) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const query = useTemplates(wid, channelId, true)
  const [picked, setPicked] = useState<Template | null>(null)
  const [values, setValues] = useState<Record<string, string>>({})

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      e.stopPropagation()
      onClose()
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [onClose])

  const filled = picked ? templateValues(picked.variables, values) : null
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!picked || !filled) return
    onSend({ name: picked.name, language: picked.language, variables: filled }, fillTemplate(picked.body, values))
  }

  return createPortal(
    <div className="dialog-backdrop" onClick={onClose}>
      <div className="dialog" role="dialog" aria-modal="true" aria-label={t('templates.title')} data-testid="template-picker" onClick={(e) => e.stopPropagation()}>
        <header className="dialog__head">
          {picked && (
            <button type="button" className="icon-btn" onClick={() => setPicked(null)} aria-label={t('templates.back')}>
              <IconBack size={22} />
            </button>
          )}
          <h2 className="dialog__title">{picked ? picked.name : t('templates.title')}</h2>
          <button type="button" className="icon-btn" onClick={onClose} aria-label={t('common.close')}>
            <IconClose size={22} />
          </button>
        </header>
        {!picked ? (
          <div className="dialog__body">
            {query.isPending && <Spinner label={t('common.loading')} />}
            {query.isError && <p className="form-error">{errorText(query.error)}</p>}
            {query.data && !query.data.length && <p className="muted">{t('templates.none')}</p>}
            <ul className="tpl-list">
              {query.data?.map((tpl) => (
                <li key={`${tpl.name}/${tpl.language}`}>
                  <button
                    type="button"
                    className="tpl-item"
                    data-testid="template-option"
                    disabled={!tpl.sendable}
                    onClick={() => {
                      setPicked(tpl)
                      setValues({})
                    }}
                  >
                    <span className="tpl-item__name">
                      {tpl.name} <span className="tpl-item__lang">{tpl.language}</span>
                    </span>
                    <span className="tpl-item__body">{tpl.body}</span>
                    {!tpl.sendable && tpl.unsendable_reason && <span className="tpl-item__why">{tpl.unsendable_reason}</span>}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <form className="dialog__body" onSubmit={submit}>
            {picked.variables.map((v, i) => (
              <label key={v} className="field">
                <span className="field__label">{t('templates.variable', { name: /^\d+$/.test(v) ? `{{${v}}}` : v })}</span>
                <input
                  className="field__input"
                  data-testid="template-variable"
                  value={values[v] ?? ''}
                  autoFocus={i === 0}
                  onChange={(e) => setValues((old) => ({ ...old, [v]: e.target.value }))}
                />
              </label>
            ))}
            <div className="tpl-preview">
              <span className="settings__hint">{t('templates.preview')}</span>
              <p className="tpl-preview__text">{fillTemplate(picked.body, values)}</p>
            </div>
            <button type="submit" className="btn btn--primary btn--block" data-testid="template-send" disabled={!filled}>
              {t('templates.send')}
            </button>
          </form>
        )}
      </div>
    </div>,
    document.body,
  )
}
