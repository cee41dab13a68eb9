import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useRef,
  useSyncExternalStore,
  type FormEvent,
  type KeyboardEvent,
  type Ref,
} from 'react'
import { useTranslation } from 'react-i18next'
import { useAutoGrow } from '../hooks/useAutoGrow'
import { useHasFinePointer } from '../hooks/useMediaQuery'
import { getDraft, setDraft, subscribeDrafts } from '../lib/drafts'
import { IconSend } from './Icons'

/** What the conversation may do to its composer (the draft itself lives in lib/drafts). */
export type ComposerHandle = {
  /** Put the cursor at the end of the draft (after text was added to it). */
  focusEnd: () => void
}

type Props = { draftKey: string; onSend: (text: string) => void; ref?: Ref<ComposerHandle> }

/**
 * Auto-growing input. With a keyboard and mouse Enter sends and Shift+Enter breaks the line.
 * The text is the conversation's draft (lib/drafts), so other parts of the conversation can
 * add to it (a transcript's "insert into reply").
 */
export function Composer({ draftKey, onSend, ref }: Props) {
  const { t } = useTranslation()
  const text = useSyncExternalStore(
    subscribeDrafts,
    useCallback(() => getDraft(draftKey), [draftKey]),
  )
  const input = useRef<HTMLTextAreaElement>(null)
  const enterSends = useHasFinePointer()
  useAutoGrow(input, text)

  useImperativeHandle(
    ref,
    () => ({
      focusEnd: () => {
        const el = input.current
        if (!el) return
        // After React has rendered the new text.
        requestAnimationFrame(() => {
          el.focus({ preventScroll: true })
          const end = el.value.length
          el.setSelectionRange(end, end)
          el.scrollTop = el.scrollHeight
        })
      },
    }),
    [],
  )

  // With a keyboard and mouse, opening a conversation puts the cursor in the composer;
  // on touch screens it would pop the on-screen keyboard over the messages, so not there.
  useEffect(() => {
    if (enterSends) input.current?.focus({ preventScroll: true })
  }, [enterSends])

  const change = (value: string) => setDraft(draftKey, value)

  const submit = () => {
    if (!text.trim()) return
    onSend(text)
    change('')
    input.current?.focus()
  }

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.keyCode === 229) return
    if (enterSends && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault()
      submit()
    } else if (e.ctrlKey || e.metaKey) {
      // Ctrl/⌘+Enter sends everywhere.
      e.preventDefault()
      submit()
    }
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    submit()
  }

  return (
    <form className="composer" onSubmit={onSubmit}>
      <textarea
        ref={input}
        className="composer__input"
        data-testid="composer-input"
        rows={1}
        value={text}
        placeholder={t('composer.placeholder')}
        aria-label={t('composer.placeholder')}
        enterKeyHint={enterSends ? 'send' : 'enter'}
        onChange={(e) => change(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <button
        type="submit"
        className="composer__send"
        data-testid="composer-send"
        aria-label={t('composer.send')}
        title={t('composer.send')}
        disabled={!text.trim()}
        // Keep the phone keyboard open: do not take focus from the textarea.
        onPointerDown={(e) => e.preventDefault()}
      >
        <IconSend size={22} />
      </button>
    </form>
  )
}
