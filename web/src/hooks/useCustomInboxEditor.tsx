import { useState, type ReactNode } from 'react'
import { CustomInboxEditor } from '../components/CustomInboxEditor'
import type { MailboxMenuProps } from '../components/MailboxMenu'
import { DEFAULT_MAILBOX } from '../lib/inboxView'
import { useInboxView } from './useInboxView'

/** Which inbox the editor has open: a new one, or one by id. */
type Editing = { inboxId: string | null } | null

/**
 * The custom inbox editor, wired to the mailbox menu: the menu's "New inbox" and pencil open
 * it; a saved inbox becomes the one the list shows, a deleted open one gives way to All.
 */
export function useCustomInboxEditor(wid: string): {
  menuProps: Pick<MailboxMenuProps, 'onCreateCustomInbox' | 'onEditCustomInbox'>
  editor: ReactNode
} {
  const view = useInboxView(wid)
  const [editing, setEditing] = useState<Editing>(null)
  const close = () => setEditing(null)
  return {
    menuProps: {
      onCreateCustomInbox: () => setEditing({ inboxId: null }),
      onEditCustomInbox: (inboxId: string) => setEditing({ inboxId }),
    },
    editor: editing && (
      <CustomInboxEditor
        key={editing.inboxId ?? 'new'}
        wid={wid}
        inboxId={editing.inboxId}
        onClose={close}
        onSaved={(inbox) => view.setMailbox(`custom:${inbox.id}`)}
        onDeleted={(inboxId) => {
          if (view.params.mailbox === `custom:${inboxId}`) view.setMailbox(DEFAULT_MAILBOX)
        }}
      />
    ),
  }
}
