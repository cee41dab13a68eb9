import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ClipboardEvent,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
} from 'react'
import { useTranslation } from 'react-i18next'
import { sendTyping, uploadFile } from '../api/endpoints'
import { ApiError } from '../api/errors'
import { useConversationVariables, useMessagingWindow } from '../api/queries'
import type { ChannelBrief, Message, TemplateSend } from '../api/types'
import { useAutoGrow } from '../hooks/useAutoGrow'
import { useComposerSuggestions, useVariableLabel } from '../hooks/useComposerSuggestions'
import { useErrorText } from '../hooks/useErrorText'
import { useHasFinePointer } from '../hooks/useMediaQuery'
import { useNow } from '../hooks/useNow'
import { useRecorder, type Recording } from '../hooks/useRecorder'
import type { OutgoingMessage } from '../hooks/useSendMessage'
import { windowLeft, type Capabilities } from '../lib/channels'
import {
  addMention,
  addSnippetFiles,
  clearSent,
  getComposerExtras,
  removeSnippetFile,
  setCommentMode,
  subscribeComposerExtras,
} from '../lib/composerExtras'
import { applyCompletion, findTrigger, type TriggerChar } from '../lib/composerTriggers'
import { getDraft, setDraft, subscribeDrafts } from '../lib/drafts'
import { formatFileSize } from '../lib/format'
import { mentionedIds, mentionToken, type Mentioned } from '../lib/mentions'
import type { RecordMode } from '../lib/recorder'
import { createTypingThrottle } from '../lib/typing'
import { addFiles, clearUploads, getUploads, removeUpload, setUploadErrorText, subscribeUploads } from '../lib/uploadStore'
import { ACCEPT, MAX_FILE_BYTES, MAX_FILES, uploadedAttachments, uploadsSettled } from '../lib/uploads'
import { fillVariables, hasVariables, variableToken } from '../lib/variables'
import { AttachmentTray } from './AttachmentTray'
import { ChannelPicker } from './ChannelPicker'
import { IconAlert, IconChat, IconClock, IconMic, IconNote, IconPaperclip, IconSend, IconTemplate, IconVideo } from './Icons'
import { RecorderBar } from './RecorderBar'
import { ReplyPreview } from './ReplyPreview'
import { Spinner } from './Spinner'
import { optionId, SuggestionPopover, useSuggestionKeys } from './SuggestionPopover'
import { TemplatePicker } from './TemplatePicker'
import '../styles/composer.css'

/** What the conversation may do to its composer (the draft itself lives in lib/drafts). */
export type ComposerHandle = {
  /** Put the cursor at the end of the draft (after text was added to it). */
  focusEnd: () => void
  /** Attach files (dropped on the conversation). */
  addFiles: (files: File[]) => void
}

type Props = {
  wid: string
  cid: string
  draftKey: string
  /** The contact's channels the reply can go out on, and the one chosen. */
  channels: readonly ChannelBrief[]
  channelId: string | null
  onChannel: (id: string) => void
  /** What the chosen channel can do. */
  caps: Capabilities
  /** The message being replied to. */
  reply: { message: Message; mine: boolean } | null
  contactName: string | null
  onCancelReply: () => void
  onRevealReply: () => void
  /** Resolves once sent (a message with variables waits for the server), rejects if refused. */
  onSend: (out: OutgoingMessage) => Promise<void> | void
  ref?: Ref<ComposerHandle>
}

/** The shortcuts each mode offers: comments mention teammates, messages take variables. */
const TRIGGERS: Record<'message' | 'comment', readonly TriggerChar[]> = {
  message: ['/', '$'],
  comment: ['/', '@'],
}

/** The people picked with @ whose `@Name` is still in the text (each once). */
function stillMentioned(text: string, picked: readonly Mentioned[]): Mentioned[] {
  const ids = mentionedIds(text, picked)
  return ids.map((id) => picked.find((m) => m.user_id === id)!)
}

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent)
/** Ctrl/⌘+/ switches between a message and a comment ("toggle comment", as in editors). */
const MODE_SHORTCUT = IS_MAC ? '⌘/' : 'Ctrl+/'
const isModeShortcut = (e: KeyboardEvent) =>
  (IS_MAC ? e.metaKey : e.ctrlKey) && !e.altKey && !e.shiftKey && (e.key === '/' || e.code === 'Slash')

/**
 * The reply box: the reply-to line, attached files, the channel, an auto-growing input, and
 * send — or, while the input is empty, record a voice (or video) note. With a keyboard and
 * mouse Enter sends and Shift+Enter breaks the line; Esc cancels the reply-to.
 *
 * It writes either a message to the contact or an internal comment (amber; Ctrl/⌘+/ switches).
 * Shortcuts open a list above the input: `/` snippets (text and files), `$` variables (filled
 * in by the server; a preview shows what the contact will read), `@` teammates (comments).
 */
export function Composer(props: Props) {
  const { wid, cid, draftKey, channels, channelId, onChannel, caps, reply, contactName, onCancelReply, onRevealReply, onSend, ref } = props
  const { t, i18n } = useTranslation()
  const errorText = useErrorText()
  const text = useSyncExternalStore(
    subscribeDrafts,
    useCallback(() => getDraft(draftKey), [draftKey]),
  )
  const uploads = useSyncExternalStore(
    subscribeUploads,
    useCallback(() => getUploads(draftKey), [draftKey]),
  )
  const extras = useSyncExternalStore(
    subscribeComposerExtras,
    useCallback(() => getComposerExtras(draftKey), [draftKey]),
  )
  const comment = extras.comment
  const input = useRef<HTMLTextAreaElement>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const enterSends = useHasFinePointer()
  const recorder = useRecorder()
  const [mode, setMode] = useState<RecordMode>('audio')
  const [recSending, setRecSending] = useState<{ progress: number } | null>(null)
  const [recError, setRecError] = useState<string | null>(null)
  const [templatesOpen, setTemplatesOpen] = useState(false)
  const throttle = useRef(createTypingThrottle())
  useAutoGrow(input, text)

  // The cursor (for the shortcut lists), and where it goes after a pick.
  const [sel, setSel] = useState({ start: text.length, end: text.length })
  const [focused, setFocused] = useState(false)
  const [dismissedAt, setDismissedAt] = useState<number | null>(null)
  const caretAfter = useRef<number | null>(null)
  // A message with variables waits for the server (it fills them, or says which is empty).
  const [sending, setSending] = useState(false)
  const [sendError, setSendError] = useState<string | null>(null)

  useEffect(() => setUploadErrorText(errorText), [errorText])

  useLayoutEffect(() => {
    const el = input.current
    const caret = caretAfter.current
    if (!el || caret == null) return
    caretAfter.current = null
    el.focus({ preventScroll: true })
    el.setSelectionRange(caret, caret)
    setSel({ start: caret, end: caret })
  }, [text])

  const trigger = findTrigger(text, sel.start, TRIGGERS[comment ? 'comment' : 'message'], sel.end)
  // Esc closes the list until the cursor leaves that word.
  if (dismissedAt !== null && trigger?.start !== dismissedAt) setDismissedAt(null)
  const openTrigger = focused && trigger && trigger.start !== dismissedAt ? trigger : null
  const suggestions = useComposerSuggestions(wid, cid, openTrigger)
  const suggestOpen = suggestions != null

  // The variables' values for this contact: for the preview of what will be sent.
  const withVariables = !comment && hasVariables(text)
  const variables = useConversationVariables(wid, cid, withVariables)
  const variableLabel = useVariableLabel()

  // The messaging window (WhatsApp: 24 h after the contact's last message).
  const windowQuery = useMessagingWindow(wid, cid, channelId, caps.messaging_window_hours != null)
  const now = useNow(30_000)
  const win = windowQuery.data
  const left = win ? windowLeft(win.closes_at, now.getTime()) : null
  const windowClosed = win != null && (!win.open || !left?.open)

  const attach = (files: File[]) => {
    if (!files.length) return
    // Files for the contact wait for the window; files in a comment don't.
    if (windowClosed && !getComposerExtras(draftKey).comment) return
    addFiles(draftKey, wid, files)
  }

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
      addFiles: (files) => attach(files),
    }),
  )

  // With a keyboard and mouse, opening a conversation puts the cursor in the composer;
  // on touch screens it would pop the on-screen keyboard over the messages, so not there.
  useEffect(() => {
    if (enterSends) input.current?.focus({ preventScroll: true })
  }, [enterSends])

  // Starting a reply (a swipe, the menu) means writing to the contact: leave comment mode.
  const replyId = reply ? String(reply.message.id) : null
  useEffect(() => {
    if (replyId) setCommentMode(draftKey, false)
  }, [replyId, draftKey])

  // Esc cancels the reply-to from anywhere in the page (dialogs over it take Esc first).
  useEffect(() => {
    if (!reply || comment) return
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || e.isComposing) return
      e.preventDefault()
      onCancelReply()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [reply, comment, onCancelReply])

  const change = (value: string) => {
    setDraft(draftKey, value)
    setSendError(null)
    // Typing shows to the contact: not while writing an internal comment.
    if (!comment && value.trim() && throttle.current.shouldSend(Date.now())) {
      sendTyping(wid, cid, channelId).catch(() => undefined)
    }
  }

  const toggleComment = (on: boolean) => {
    setCommentMode(draftKey, on)
    setSendError(null)
    input.current?.focus({ preventScroll: true })
  }

  const insert = (insertion: string, options: { space?: boolean; caretOffset?: number }) => {
    if (!trigger) return
    const done = applyCompletion(text, trigger, insertion, options)
    caretAfter.current = done.caret
    setDraft(draftKey, done.text)
    setSendError(null)
  }

  const pick = (index: number) => {
    const chosen = suggestions?.picks[index]
    if (!chosen) return
    if (chosen.kind === 'snippet') {
      const { snippet } = chosen
      insert(snippet.text, {})
      addSnippetFiles(
        draftKey,
        snippet.files.map((f) => ({ ...f, id: String(f.id), url: f.url ?? null, snippetName: snippet.name })),
      )
    } else if (chosen.kind === 'variable') {
      insert(chosen.token, { caretOffset: chosen.caretOffset })
    } else {
      const { member } = chosen
      insert(mentionToken(member.name), { space: true })
      addMention(draftKey, { user_id: String(member.user_id), name: member.name })
    }
  }

  const suggestKeys = useSuggestionKeys({
    open: suggestOpen,
    count: suggestions?.items.length ?? 0,
    resetKey: `${openTrigger?.char}${openTrigger?.start}:${openTrigger?.query}`,
    onPick: pick,
    onClose: () => setDismissedAt(trigger?.start ?? null),
  })

  const done = uploadedAttachments(uploads)
  const settled = uploadsSettled(uploads)
  const snippetFiles = extras.snippetFiles
  const hasText = text.trim().length > 0
  const hasFiles = done.length > 0 || snippetFiles.length > 0
  // A comment can always be written: the messaging window is about the contact.
  const closedForMessages = windowClosed && !comment
  const canSend = !closedForMessages && settled && !sending && (hasText || hasFiles)
  const showSend = comment || hasText || uploads.length > 0 || snippetFiles.length > 0
  const replyToId = reply && !comment ? String(reply.message.id) : null

  // What the contact will read, once the server fills the variables in.
  const filled = withVariables && variables.data ? fillVariables(text, new Map(variables.data.map((v) => [v.key, v.value]))) : null
  const labelOf = (key: string) => {
    const v = variables.data?.find((x) => x.key === key)
    return v ? variableLabel(key, v.label) : key
  }

  const reset = () => {
    setDraft(draftKey, '')
    clearUploads(draftKey)
    clearSent(draftKey)
    if (!comment) onCancelReply()
    throttle.current.reset()
    input.current?.focus()
  }

  const submit = async () => {
    if (!canSend) return
    const out: OutgoingMessage = {
      text,
      attachments: done,
      snippetFiles: snippetFiles.map(({ snippetName: _, ...f }) => f),
      ...(comment
        ? {
            internal: true,
            mentions: stillMentioned(text, extras.mentions),
          }
        : { replyToId, channelId }),
    }
    if (!withVariables) {
      Promise.resolve(onSend(out)).catch(() => undefined)
      reset()
      return
    }
    setSending(true)
    setSendError(null)
    try {
      await onSend(out)
      reset()
    } catch (err) {
      // The server refused (an empty variable with no fallback…): say why, keep the text.
      setSendError(t('composerTools.sendFailed', { reason: refusalText(err) }))
    } finally {
      setSending(false)
    }
  }

  /** The server's reason once (its 422 repeats the detail in the field errors). */
  const refusalText = (err: unknown) => {
    const detail = err instanceof ApiError ? err.problem?.detail : null
    if (!detail || !(err instanceof ApiError)) return errorText(err)
    const more = (err.problem?.errors ?? []).map((e) => e.message).filter((m) => m && !detail.includes(m))
    return [detail, ...more].join(' ')
  }

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (suggestKeys.onKeyDown(e)) return
    if (isModeShortcut(e)) {
      e.preventDefault()
      toggleComment(!comment)
      return
    }
    if (e.key === 'Escape' && reply && !comment && !e.nativeEvent.isComposing) {
      e.preventDefault()
      onCancelReply()
      return
    }
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.keyCode === 229) return
    if (enterSends && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault()
      void submit()
    } else if (e.ctrlKey || e.metaKey) {
      // Ctrl/⌘+Enter sends everywhere.
      e.preventDefault()
      void submit()
    }
  }

  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const files = Array.from(e.clipboardData?.files ?? [])
    if (!files.length) return
    e.preventDefault()
    attach(files)
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    void submit()
  }

  const readCaret = (el: HTMLTextAreaElement) => setSel({ start: el.selectionStart, end: el.selectionEnd })

  const sendRecording = async (r: Recording) => {
    setRecSending({ progress: 0 })
    setRecError(null)
    try {
      const attachment = await uploadFile(wid, r.blob, r.fileName, {
        voice: r.mode === 'audio',
        onProgress: (loaded, total) => setRecSending({ progress: total ? loaded / total : 0 }),
      })
      onSend({ text: '', attachments: [attachment], voiceNote: r.mode === 'audio', replyToId, channelId })
      recorder.discard()
      onCancelReply()
    } catch (err) {
      setRecError(errorText(err))
    } finally {
      setRecSending(null)
    }
  }

  const startRecording = () => {
    setRecError(null)
    void recorder.start(mode)
  }

  const sendTemplate = (template: TemplateSend, filled: string) => {
    setTemplatesOpen(false)
    onSend({ text: filled, template, replyToId: null, channelId })
  }

  const units = [t('units.b'), t('units.kb'), t('units.mb'), t('units.gb')] as const
  const limits = t('attach.limits', { count: MAX_FILES, size: formatFileSize(MAX_FILE_BYTES, i18n.language, units) })
  const picker = <ChannelPicker channels={channels} value={channelId} onChange={onChannel} disabled={recorder.state.phase !== 'idle'} />
  const recording = recorder.state.phase !== 'idle'
  const listId = `composer-suggest-${cid}`
  const placeholder = comment ? t('composerTools.commentPlaceholder') : t('composer.placeholder')
  const sendLabel = comment ? t('composerTools.sendComment') : t('composer.send')

  let windowLine = null
  if (win && !windowClosed && left && !comment) {
    windowLine = (
      <div className="composer__window" data-testid="window-timer" title={t('window.hint', { hours: win.window_hours ?? 24 })}>
        <IconClock size={14} />
        {left.hours ? t('window.leftHours', { hours: left.hours, minutes: left.minutes }) : t('window.leftMinutes', { minutes: Math.max(1, left.minutes) })}
      </div>
    )
  }

  const modeTab = (on: boolean, label: string, hint: string, icon: ReactNode) => (
    <button
      type="button"
      role="tab"
      className={`composer-mode__tab ${comment === on ? 'composer-mode__tab--on' : ''}`}
      data-testid={on ? 'composer-mode-comment' : 'composer-mode-message'}
      aria-selected={comment === on}
      title={enterSends ? t('composerTools.mode.toggleHint', { hint, shortcut: MODE_SHORTCUT }) : hint}
      disabled={recording}
      // Keep a phone's keyboard open while switching.
      onPointerDown={(e) => e.preventDefault()}
      onClick={() => toggleComment(on)}
    >
      <span className="composer-mode__pill">
        {icon}
        {label}
      </span>
    </button>
  )

  return (
    <div className={`composer-wrap ${comment ? 'composer-wrap--comment' : ''}`} data-mode={comment ? 'comment' : 'message'}>
      {suggestions && (
        <SuggestionPopover
          id={listId}
          testId="composer-suggest"
          title={suggestions.title}
          items={suggestions.items}
          active={suggestKeys.active}
          onActive={suggestKeys.setActive}
          onPick={pick}
          onClose={() => setDismissedAt(trigger?.start ?? null)}
          loading={suggestions.loading}
          emptyText={suggestions.emptyText}
          showKeys={enterSends}
        />
      )}
      {reply && !comment && (
        <ReplyPreview message={reply.message} mine={reply.mine} contactName={contactName} onReveal={onRevealReply} onCancel={onCancelReply} />
      )}
      {(uploads.length > 0 || snippetFiles.length > 0) && (
        <AttachmentTray
          items={uploads}
          onRemove={(key) => removeUpload(draftKey, key)}
          snippetFiles={snippetFiles}
          onRemoveSnippetFile={(id) => removeSnippetFile(draftKey, id)}
        />
      )}
      {filled && (
        <div className="composer__preview" data-testid="variables-preview">
          <span className="composer__preview-label">{t('composerTools.preview.willSend')}</span>{' '}
          <span className="composer__preview-text" dir="auto">
            {filled.text}
          </span>
        </div>
      )}
      {filled && filled.empty.length > 0 && !sendError && (
        <div className="composer__warning" data-testid="variables-warning">
          <IconAlert size={15} />
          <span>
            {t('composerTools.preview.empty', {
              names: filled.empty.map(labelOf).join(', '),
              example: variableToken(`${filled.empty[0]}|…`),
            })}
          </span>
        </div>
      )}
      {filled && filled.unknown.length > 0 && !sendError && (
        <div className="composer__warning" data-testid="variables-unknown">
          <IconAlert size={15} />
          <span>{t('composerTools.preview.unknown', { keys: filled.unknown.map((k) => variableToken(k)).join(', ') })}</span>
        </div>
      )}
      {sendError && (
        <div className="composer__error" role="alert" data-testid="composer-error">
          <IconAlert size={15} />
          <span>{sendError}</span>
        </div>
      )}
      {/* Right above the input: the lines above come and go (a reply line appearing under a
          finger must not turn its tap into a switch of mode). */}
      <div className="composer__bar">
        <div className="composer-mode" role="tablist" aria-label={t('composerTools.mode.label')}>
          {modeTab(false, t('composerTools.mode.message'), t('composerTools.mode.messageHint'), <IconChat size={15} />)}
          {modeTab(true, t('composerTools.mode.comment'), t('composerTools.mode.commentHint'), <IconNote size={15} />)}
        </div>
        {windowLine}
      </div>
      {closedForMessages ? (
        <div className="composer composer--closed" data-testid="window-closed">
          {picker}
          <p className="composer__closed-text">
            {t('window.closed', { hours: win?.window_hours ?? 24 })}
          </p>
          {channelId && (
            <button type="button" className="btn btn--primary" data-testid="template-open" onClick={() => setTemplatesOpen(true)}>
              <IconTemplate size={18} />
              {t('templates.open')}
            </button>
          )}
        </div>
      ) : recorder.state.phase !== 'idle' ? (
        <RecorderBar
          state={recorder.state}
          levels={recorder.levels}
          onStop={recorder.stop}
          onDiscard={() => {
            setRecError(null)
            recorder.discard()
          }}
          onRerecord={() => {
            setRecError(null)
            void recorder.start(recorder.state.phase === 'preview' ? recorder.state.recording.mode : mode)
          }}
          onSend={(r) => void sendRecording(r)}
          sending={recSending}
          sendError={recError}
        />
      ) : (
        <form className="composer" onSubmit={onSubmit}>
          <button
            type="button"
            className="icon-btn composer__tool"
            data-testid="attach-button"
            aria-label={t('attach.button')}
            title={`${t('attach.button')}. ${limits}`}
            onPointerDown={(e) => e.preventDefault()}
            onClick={() => fileInput.current?.click()}
          >
            <IconPaperclip size={22} />
          </button>
          <input
            ref={fileInput}
            type="file"
            multiple
            hidden
            accept={ACCEPT}
            data-testid="attach-input"
            onChange={(e) => {
              attach(Array.from(e.target.files ?? []))
              e.target.value = ''
            }}
          />
          {!comment && picker}
          <textarea
            ref={input}
            className="composer__input"
            data-testid="composer-input"
            rows={1}
            value={text}
            placeholder={placeholder}
            aria-label={placeholder}
            enterKeyHint={enterSends ? 'send' : 'enter'}
            readOnly={sending}
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={suggestOpen}
            aria-controls={suggestOpen ? listId : undefined}
            aria-activedescendant={suggestOpen && suggestions.items.length ? optionId(listId, suggestKeys.active) : undefined}
            onChange={(e) => {
              change(e.target.value)
              readCaret(e.target)
            }}
            onSelect={(e) => readCaret(e.currentTarget)}
            onFocus={(e) => {
              setFocused(true)
              readCaret(e.currentTarget)
            }}
            onBlur={() => setFocused(false)}
            onKeyDown={onKeyDown}
            onPaste={onPaste}
          />
          {showSend ? (
            <button
              type="submit"
              className="composer__send"
              data-testid="composer-send"
              aria-label={sendLabel}
              title={settled ? sendLabel : t('attach.waiting')}
              disabled={!canSend}
              // Keep the phone keyboard open: do not take focus from the textarea.
              onPointerDown={(e) => e.preventDefault()}
            >
              {sending ? (
                <Spinner small label={t('composerTools.preview.sending')} />
              ) : settled ? (
                <IconSend size={22} />
              ) : (
                <Spinner small label={t('attach.waiting')} />
              )}
            </button>
          ) : (
            <>
              <button
                type="button"
                className="icon-btn composer__tool composer__mode"
                data-testid="record-mode"
                data-mode={mode}
                aria-label={mode === 'audio' ? t('record.switchToVideo') : t('record.switchToAudio')}
                title={mode === 'audio' ? t('record.switchToVideo') : t('record.switchToAudio')}
                aria-pressed={mode === 'video'}
                onClick={() => setMode((m) => (m === 'audio' ? 'video' : 'audio'))}
              >
                {mode === 'audio' ? <IconVideo size={20} /> : <IconMic size={20} />}
              </button>
              <button
                type="button"
                className="composer__send composer__record"
                data-testid="record-button"
                data-mode={mode}
                aria-label={mode === 'audio' ? t('record.voice') : t('record.video')}
                title={mode === 'audio' ? t('record.voice') : t('record.video')}
                onClick={startRecording}
              >
                {mode === 'audio' ? <IconMic size={22} /> : <IconVideo size={22} />}
              </button>
            </>
          )}
        </form>
      )}
      {templatesOpen && channelId && (
        <TemplatePicker wid={wid} channelId={channelId} onSend={sendTemplate} onClose={() => setTemplatesOpen(false)} />
      )}
    </div>
  )
}
