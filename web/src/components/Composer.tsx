import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
  useSyncExternalStore,
  type ClipboardEvent,
  type FormEvent,
  type KeyboardEvent,
  type Ref,
} from 'react'
import { useTranslation } from 'react-i18next'
import { sendTyping, uploadFile } from '../api/endpoints'
import { useMessagingWindow } from '../api/queries'
import type { ChannelBrief, Message, TemplateSend } from '../api/types'
import { useAutoGrow } from '../hooks/useAutoGrow'
import { useErrorText } from '../hooks/useErrorText'
import { useHasFinePointer } from '../hooks/useMediaQuery'
import { useNow } from '../hooks/useNow'
import { useRecorder, type Recording } from '../hooks/useRecorder'
import type { OutgoingMessage } from '../hooks/useSendMessage'
import { windowLeft, type Capabilities } from '../lib/channels'
import { getDraft, setDraft, subscribeDrafts } from '../lib/drafts'
import { formatFileSize } from '../lib/format'
import type { RecordMode } from '../lib/recorder'
import { createTypingThrottle } from '../lib/typing'
import { addFiles, clearUploads, getUploads, removeUpload, setUploadErrorText, subscribeUploads } from '../lib/uploadStore'
import { ACCEPT, MAX_FILE_BYTES, MAX_FILES, uploadedAttachments, uploadsSettled } from '../lib/uploads'
import { AttachmentTray } from './AttachmentTray'
import { ChannelPicker } from './ChannelPicker'
import { IconClock, IconMic, IconPaperclip, IconSend, IconTemplate, IconVideo } from './Icons'
import { RecorderBar } from './RecorderBar'
import { ReplyPreview } from './ReplyPreview'
import { Spinner } from './Spinner'
import { TemplatePicker } from './TemplatePicker'

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
  onSend: (out: OutgoingMessage) => void
  ref?: Ref<ComposerHandle>
}

/**
 * The reply box: the reply-to line, attached files, the channel, an auto-growing input, and
 * send — or, while the input is empty, record a voice (or video) note. With a keyboard and
 * mouse Enter sends and Shift+Enter breaks the line; Esc cancels the reply-to.
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

  useEffect(() => setUploadErrorText(errorText), [errorText])

  // The messaging window (WhatsApp: 24 h after the contact's last message).
  const windowQuery = useMessagingWindow(wid, cid, channelId, caps.messaging_window_hours != null)
  const now = useNow(30_000)
  const win = windowQuery.data
  const left = win ? windowLeft(win.closes_at, now.getTime()) : null
  const windowClosed = win != null && (!win.open || !left?.open)

  const attach = (files: File[]) => {
    if (!files.length) return
    if (windowClosed) return
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

  // Esc cancels the reply-to from anywhere in the page (dialogs over it take Esc first).
  useEffect(() => {
    if (!reply) return
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || e.isComposing) return
      e.preventDefault()
      onCancelReply()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [reply, onCancelReply])

  const change = (value: string) => {
    setDraft(draftKey, value)
    if (value.trim() && throttle.current.shouldSend(Date.now())) {
      sendTyping(wid, cid, channelId).catch(() => undefined)
    }
  }

  const done = uploadedAttachments(uploads)
  const settled = uploadsSettled(uploads)
  const hasText = text.trim().length > 0
  const canSend = !windowClosed && settled && (hasText || done.length > 0)
  const showSend = hasText || uploads.length > 0
  const replyToId = reply ? String(reply.message.id) : null

  const submit = () => {
    if (!canSend) return
    onSend({ text, attachments: done, replyToId, channelId })
    setDraft(draftKey, '')
    clearUploads(draftKey)
    onCancelReply()
    throttle.current.reset()
    input.current?.focus()
  }

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Escape' && reply && !e.nativeEvent.isComposing) {
      e.preventDefault()
      onCancelReply()
      return
    }
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

  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const files = Array.from(e.clipboardData?.files ?? [])
    if (!files.length) return
    e.preventDefault()
    attach(files)
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    submit()
  }

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

  let windowLine = null
  if (win && !windowClosed && left) {
    windowLine = (
      <div className="composer__window" data-testid="window-timer" title={t('window.hint', { hours: win.window_hours ?? 24 })}>
        <IconClock size={14} />
        {left.hours ? t('window.leftHours', { hours: left.hours, minutes: left.minutes }) : t('window.leftMinutes', { minutes: Math.max(1, left.minutes) })}
      </div>
    )
  }

  return (
    <div className="composer-wrap">
      {windowLine}
      {reply && (
        <ReplyPreview message={reply.message} mine={reply.mine} contactName={contactName} onReveal={onRevealReply} onCancel={onCancelReply} />
      )}
      {uploads.length > 0 && <AttachmentTray items={uploads} onRemove={(key) => removeUpload(draftKey, key)} />}
      {windowClosed ? (
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
          {picker}
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
            onPaste={onPaste}
          />
          {showSend ? (
            <button
              type="submit"
              className="composer__send"
              data-testid="composer-send"
              aria-label={t('composer.send')}
              title={settled ? t('composer.send') : t('attach.waiting')}
              disabled={!canSend}
              // Keep the phone keyboard open: do not take focus from the textarea.
              onPointerDown={(e) => e.preventDefault()}
            >
              {settled ? <IconSend size={22} /> : <Spinner small label={t('attach.waiting')} />}
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
