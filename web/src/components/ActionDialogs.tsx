import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConversationAction } from '../api/endpoints'
import { useConversationAction, usePreferences } from '../api/queries'
import type { Conversation } from '../api/types'
import { useErrorText } from '../hooks/useErrorText'
import { showToast } from '../lib/toast'
import { AssignDialog } from './AssignDialog'
import { BlockContactDialog } from './BlockContactDialog'
import { CloseDialog } from './CloseDialog'
import { SnoozeDialog } from './SnoozeDialog'

/** What the header, the three-dot menu and a list row's swipe can do to a conversation. */
export type ConversationCommands = {
  /**
   * Close: the dialog the workspace's closing notes call for (a confirmation when they are
   * off). `direct` (a swipe, itself deliberate) closes at once when notes are off.
   */
  close: (options?: { direct?: boolean }) => void
  reopen: () => void
  snooze: () => void
  unsnooze: () => void
  assign: () => void
  /** Block, or unblock a blocked contact (after a confirmation). */
  block: () => void
}

type Dialog = 'close' | 'snooze' | 'assign' | 'block'

/**
 * The actions on one conversation and the dialog open for it (render `dialog`). Direct actions
 * show at once; a refusal comes back as a toast (also when the row that started it is gone).
 */
export function useActionDialogs(
  wid: string,
  c: Conversation | undefined,
  options: { /** Say "Conversation closed" and the like (a list row: the row itself goes away). */ toasts: boolean },
): ConversationCommands & { dialog: ReactNode } {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const prefs = usePreferences(wid)
  const [open, setOpen] = useState<Dialog | null>(null)
  const action = useConversationAction(wid, { onError: (err) => showToast(errorText(err), 'error') })

  const run = (a: ConversationAction, done: string) => {
    if (!c) return
    action.mutate({ cid: String(c.id), action: a })
    if (options.toasts) showToast(done)
  }
  const show = (d: Dialog) => () => {
    if (c) setOpen(d)
  }
  const hide = () => setOpen(null)

  const commands: ConversationCommands = {
    close: (options) => {
      if (options?.direct && prefs.data?.closing_notes === 'off') run({ kind: 'close' }, t('actions.done.closed'))
      else show('close')()
    },
    reopen: () => run({ kind: 'reopen' }, t('actions.done.reopened')),
    snooze: show('snooze'),
    unsnooze: () => run({ kind: 'unsnooze' }, t('actions.done.unsnoozed')),
    assign: show('assign'),
    block: show('block'),
  }

  let dialog: ReactNode = null
  if (c && open === 'close') dialog = <CloseDialog wid={wid} conversation={c} onClose={hide} />
  if (c && open === 'snooze') dialog = <SnoozeDialog wid={wid} conversation={c} onClose={hide} />
  if (c && open === 'assign') dialog = <AssignDialog wid={wid} conversation={c} onClose={hide} />
  if (c && open === 'block') {
    dialog = (
      <BlockContactDialog wid={wid} contact={{ ...c.contact, conversation_id: c.id }} blocked={Boolean(c.blocked)} onClose={hide} />
    )
  }
  return { ...commands, dialog }
}
