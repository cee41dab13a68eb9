import { useId, useState, type ChangeEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useTags, useUpdateContact } from '../api/queries'
import type { ContactDetails } from '../api/types'
import { useErrorText } from '../hooks/useErrorText'
import { addTags, MAX_TAG_LENGTH, MAX_TAGS, normalizeTag, removeTag, suggestTags, type TagRefusal } from '../lib/tags'
import { showToast } from '../lib/toast'
import '../styles/tags.css'
import { IconClose, IconPlus } from './Icons'

type Props = {
  wid: string
  tags: readonly string[]
  onChange: (tags: string[]) => void
  /** What the tags are (the chips' list and the input are named after it). */
  label: string
  placeholder?: string
  hint?: string
  /** At most this many tags (a contact's limit; a filter may name more). */
  limit?: number
  testId?: string
}

/**
 * Tags as chips with ×, and an input that adds more: Enter or a comma adds what was typed,
 * Backspace in the empty input takes the last chip back, and the workspace's tags in use are
 * offered as you type (arrows and Enter, or a tap). Big enough to hit with a thumb.
 */
export function TagsEditor({ wid, tags, onChange, label, placeholder, hint, limit = MAX_TAGS, testId = 'tags-editor' }: Props) {
  const { t } = useTranslation()
  const id = useId()
  const [text, setText] = useState('')
  const [focused, setFocused] = useState(false)
  const [active, setActive] = useState(-1)
  const [refused, setRefused] = useState<TagRefusal | null>(null)
  const query = normalizeTag(text)
  const inUse = useTags(wid, query, focused)
  const counts = new Map((inUse.data ?? []).map((tag) => [tag.name, tag.count]))
  const suggestions = focused ? suggestTags([...counts.keys()], tags, query) : []
  const open = suggestions.length > 0
  const listId = `${id}-suggestions`

  const add = (typed: string) => {
    const result = addTags(tags, typed, [...counts.keys()], limit)
    setRefused(result.refused)
    if (result.added.length) onChange(result.tags)
    setActive(-1)
    return result
  }

  const commit = (typed: string) => {
    const result = add(typed)
    // A refused tag stays typed, to be shortened; the rest goes.
    if (result.refused !== 'tooLong') setText('')
  }

  const remove = (tag: string) => {
    setRefused(null)
    onChange(removeTag(tags, tag))
  }

  const onInput = (e: ChangeEvent<HTMLInputElement>) => {
    const value = e.target.value
    setRefused(null)
    setActive(-1)
    // A comma (typed, or pasted "a, b, c") adds what comes before it; phone keyboards don't
    // always say which key they pressed, so the text is what counts.
    const comma = value.lastIndexOf(',')
    if (comma >= 0) {
      const result = add(value.slice(0, comma))
      setText(result.refused === 'tooLong' ? value.slice(0, comma) : value.slice(comma + 1))
    } else {
      setText(value)
    }
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return
    switch (e.key) {
      case 'Enter': {
        // Never submits the form around it (a custom inbox's).
        e.preventDefault()
        const picked = suggestions[active]
        if (picked !== undefined) commit(picked)
        else if (query) commit(text)
        break
      }
      case 'Backspace':
        if (!text && tags.length) {
          e.preventDefault()
          remove(tags[tags.length - 1]!)
        }
        break
      case 'ArrowDown':
        if (open) {
          e.preventDefault()
          setActive((i) => (i + 1) % suggestions.length)
        }
        break
      case 'ArrowUp':
        if (open) {
          e.preventDefault()
          setActive((i) => (i <= 0 ? suggestions.length - 1 : i - 1))
        }
        break
      case 'Escape':
        // The first Esc clears what was typed (the panel around stays open).
        if (text || active >= 0) {
          e.preventDefault()
          setText('')
          setActive(-1)
        }
        break
    }
  }

  const refusal =
    refused === 'tooLong' ? t('tags.tooLong', { max: MAX_TAG_LENGTH }) : refused === 'tooMany' ? t('tags.tooMany', { max: limit }) : null

  return (
    <div className="tags-editor" data-testid={testId}>
      {tags.length > 0 && (
        <ul className="tags-editor__chips" aria-label={label}>
          {tags.map((tag) => (
            <li key={tag} className="tag-chip" data-testid="tag-chip" data-tag={tag}>
              <span className="tag-chip__text">{tag}</span>
              <button
                type="button"
                className="tag-chip__remove"
                aria-label={t('tags.remove', { tag })}
                title={t('tags.remove', { tag })}
                onClick={() => remove(tag)}
              >
                <IconClose size={14} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="tags-editor__field">
        <input
          className="field__input tags-editor__input"
          data-testid={`${testId}-input`}
          role="combobox"
          aria-label={t('tags.input')}
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
          aria-invalid={refused ? true : undefined}
          aria-describedby={hint ? `${id}-hint` : undefined}
          value={text}
          placeholder={placeholder ?? t('tags.placeholder')}
          autoComplete="off"
          enterKeyHint="enter"
          onChange={onInput}
          onKeyDown={onKeyDown}
          onFocus={() => setFocused(true)}
          onBlur={() => {
            setFocused(false)
            setActive(-1)
          }}
        />
        {query && (
          <button
            type="button"
            className="btn tags-editor__add"
            data-testid={`${testId}-add`}
            // Keeps the input focused (and the phone's keyboard up) for the next tag.
            onPointerDown={(e) => e.preventDefault()}
            onClick={() => commit(text)}
          >
            <IconPlus size={18} />
            {t('tags.add')}
          </button>
        )}
      </div>
      {open && (
        <ul className="tags-editor__suggestions" id={listId} role="listbox" aria-label={t('tags.suggestions')}>
          {suggestions.map((tag, i) => (
            <li
              key={tag}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={`tags-editor__option ${i === active ? 'tags-editor__option--active' : ''}`}
              data-testid="tag-suggestion"
              // A tap must not take the focus from the input (that would close the list first).
              onPointerDown={(e) => e.preventDefault()}
              onClick={() => commit(tag)}
            >
              <span className="tags-editor__option-name">{tag}</span>
              <span className="tags-editor__option-count" title={t('tags.contacts', { count: counts.get(tag) ?? 0 })}>
                {counts.get(tag)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {refusal ? (
        <p className="field__error" role="alert">
          {refusal}
        </p>
      ) : (
        hint && (
          <p className="tags-editor__hint" id={`${id}-hint`}>
            {hint}
          </p>
        )
      )}
    </div>
  )
}

/** The contact panel's tags: every change is saved at once (and shows at once). */
export function ContactTagsCard({ wid, contact }: { wid: string; contact: ContactDetails }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const save = useUpdateContact(wid, String(contact.id))
  const titleId = useId()
  // While a change is on its way, show it (a failure puts the saved tags back).
  const tags = save.isPending && save.variables?.tags ? save.variables.tags : (contact.tags ?? [])
  const change = (next: string[]) =>
    save.mutate({ tags: next }, { onError: (err) => showToast(t('tags.saveError', { error: errorText(err) }), 'error') })
  return (
    <section className="contact-card" aria-labelledby={titleId} data-testid="contact-tags" aria-busy={save.isPending}>
      <h3 className="contact-card__title" id={titleId}>
        {t('tags.title')}
      </h3>
      <TagsEditor wid={wid} tags={tags} onChange={change} label={t('tags.title')} hint={t('tags.hint')} testId="contact-tags-editor" />
    </section>
  )
}
