import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { fetchMessage, fetchMessages, PAGE_SIZE } from '../api/endpoints'
import { ApiError } from '../api/errors'
import { keys } from '../api/keys'
import type { MessagePages } from '../api/queries'
import { sameId, type Message } from '../api/types'
import type { MessageListHandle } from '../components/MessageList'
import { navigate, useLocation } from '../lib/router'
import { appendOlderChunk, compareMessages, JUMP_CHUNK, nextOlderCursor } from '../lib/jump'
import { showToast } from '../lib/toast'
import { useErrorText } from './useErrorText'

export type JumpOptions = {
  /** Words to mark inside the message (a search hit's). */
  words?: readonly string[]
  /** What the toast says when the message can't be shown (else "not available"). */
  notFound?: string
}

/** At most this many chunks of older messages are loaded for one jump (JUMP_CHUNK each). */
const MAX_CHUNKS = 100

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())))
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Scroll to a message of the open conversation and flash it, loading older messages until it
 * is there: the one way a link (`?m=`), a search hit and a reply's quote reach a message.
 * The message is looked up first (404: deleted, or not visible to this user → a toast, nothing
 * loaded); then older messages come JUMP_CHUNK at a time into the usual pages. A newer jump
 * cancels an older one still loading. Resolves to whether the message is on screen.
 */
export function useJumpToMessage(wid: string, cid: string, list: RefObject<MessageListHandle | null>) {
  const qc = useQueryClient()
  const { t } = useTranslation()
  const errorText = useErrorText()
  const seq = useRef(0)

  return useCallback(
    async (id: string, options: JumpOptions = {}): Promise<boolean> => {
      const run = ++seq.current
      const current = () => run === seq.current
      const show = () => list.current?.flashMessage(id, options.words) ?? false
      const missing = () => {
        if (current()) showToast(options.notFound ?? t('links.notFound'))
        return false
      }
      if (show()) return true

      let target: Message
      try {
        target = await fetchMessage(wid, id)
      } catch (err) {
        if (!current()) return false
        if (err instanceof ApiError && err.status === 404) return missing()
        showToast(errorText(err), 'error')
        return false
      }
      if (!current()) return false
      if (!sameId(target.conversation_id, cid)) return missing()

      const key = keys.messages(wid, cid)
      // Bounded: a few waits for other loads per chunk at most.
      for (let chunks = 0, steps = 0; chunks < MAX_CHUNKS && steps < MAX_CHUNKS * 20; steps++) {
        await nextFrame()
        if (!current()) return false
        if (show()) return true
        // Someone else is loading (the first page, "load older" at the top): wait for it.
        if (qc.isFetching({ queryKey: key }) > 0) {
          await sleep(60)
          continue
        }
        const data = qc.getQueryData<MessagePages>(key)
        if (!data) return missing()
        const loaded = data.pages.flat()
        if (loaded.some((m) => sameId(m.id, id))) {
          // Loaded but not drawn yet: give React a moment more.
          await nextFrame()
          if (show() || !current()) return current()
          return missing()
        }
        const cursor = nextOlderCursor(data, PAGE_SIZE)
        const oldest = data.pages.at(-1)?.[0]
        // Nothing older, or already past it (hidden from this list): it won't come.
        if (!cursor || (oldest && compareMessages(oldest, target) < 0)) return missing()
        let older: Message[]
        try {
          older = await fetchMessages(wid, cid, cursor, JUMP_CHUNK)
        } catch (err) {
          if (current()) showToast(errorText(err), 'error')
          return false
        }
        if (!current()) return false
        qc.setQueryData<MessagePages>(key, (pages) => appendOlderChunk(pages, cursor, older, JUMP_CHUNK, PAGE_SIZE) as MessagePages | undefined)
        chunks++
      }
      return missing()
    },
    [qc, wid, cid, list, t, errorText],
  )
}

/**
 * A link to a message (`?m=<id>`: a copied link, a mention notification) opens the
 * conversation there: once the first page is in, jump to it, then drop `m` from the URL
 * (replacing the history entry) so a reload does not flash it again.
 */
export function useLinkedMessage(ready: boolean, jump: (id: string) => Promise<boolean>) {
  const { pathname, search } = useLocation()
  const linked = new URLSearchParams(search).get('m')
  const handled = useRef<string | null>(null)
  useEffect(() => {
    if (!linked) {
      handled.current = null
      return
    }
    if (!ready || handled.current === linked) return
    handled.current = linked
    void jump(linked).finally(() => {
      const params = new URLSearchParams(window.location.search)
      if (window.location.pathname !== pathname || params.get('m') !== linked) return
      params.delete('m')
      const rest = params.toString()
      navigate(pathname + (rest ? `?${rest}` : ''), { replace: true, state: window.history.state as unknown })
    })
  }, [linked, ready, jump, pathname])
}
