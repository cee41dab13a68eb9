import { useTranslation } from 'react-i18next'
import { useSetContactBlocked } from '../api/queries'
import { useErrorText } from '../hooks/useErrorText'
import { showToast } from '../lib/toast'
import { Sheet } from './Sheet'
import '../styles/actions.css'

/** The contact as any screen has it (a conversation's brief, or the full contact). */
export type BlockableContact = {
  id: string | number
  name?: string | null
  phone?: string | null
  email?: string | null
  /** Its conversation, where known: it shows the change at once. */
  conversation_id?: string | number | null
}

type Props = {
  wid: string
  contact: BlockableContact
  /** Whether the contact is blocked now (the dialog offers the other). */
  blocked: boolean
  onClose: () => void
}

/**
 * Block (or unblock) a contact, after saying what it does: their new messages are kept but
 * open nothing and notify no one, and the conversation moves to Blocked contacts.
 */
export function BlockContactDialog({ wid, contact, blocked, onClose }: Props) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const mutation = useSetContactBlocked(wid)
  const name = contact.name || contact.phone || contact.email || t('conversation.unknownContact')
  const blocking = !blocked

  const confirm = async () => {
    try {
      await mutation.mutateAsync({
        contactId: String(contact.id),
        blocked: blocking,
        conversationId: contact.conversation_id != null ? String(contact.conversation_id) : null,
      })
      showToast(t(blocking ? 'actions.done.blocked' : 'actions.done.unblocked', { name }))
      onClose()
    } catch {
      // Shown below from mutation.error.
    }
  }

  const footer = (
    <>
      <button type="button" className="btn" onClick={onClose} disabled={mutation.isPending}>
        {t('actions.cancel')}
      </button>
      <button
        type="button"
        className={`btn ${blocking ? 'btn--danger' : 'btn--primary'}`}
        onClick={() => void confirm()}
        disabled={mutation.isPending}
        data-testid="block-confirm"
        data-autofocus
      >
        {mutation.isPending
          ? t('actions.blockDialog.working')
          : t(blocking ? 'actions.blockDialog.block' : 'actions.blockDialog.unblock')}
      </button>
    </>
  )

  return (
    <Sheet
      title={t(blocking ? 'actions.blockDialog.blockTitle' : 'actions.blockDialog.unblockTitle', { name })}
      onClose={onClose}
      footer={footer}
      tone={blocking ? 'danger' : 'normal'}
      testId="block-dialog"
    >
      {blocking ? (
        <ul className="action-facts">
          <li>{t('actions.blockDialog.kept')}</li>
          <li>{t('actions.blockDialog.silent')}</li>
          <li>{t('actions.blockDialog.moved')}</li>
          <li className="action-facts__muted">{t('actions.blockDialog.undo')}</li>
        </ul>
      ) : (
        <p className="action-form__text">{t('actions.blockDialog.unblockText')}</p>
      )}
      {mutation.error && (
        <p className="form-error" role="alert">
          {errorText(mutation.error)}
        </p>
      )}
    </Sheet>
  )
}
