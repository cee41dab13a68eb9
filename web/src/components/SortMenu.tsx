import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SortOrder, StatusFilter } from '../api/types'
import { DEFAULT_SORT, sortLabelKey } from '../lib/inboxView'
import { SORT_ORDERS } from '../lib/routes'
import { AdaptiveMenu } from './AdaptiveMenu'
import { IconSort, IconTick } from './InboxIcons'
import '../styles/inbox.css'

type Props = { sort: SortOrder; status: StatusFilter; onChange: (sort: SortOrder) => void }

/** The list's order: newest or oldest message, longest or shortest in the tab's status. */
export function SortMenu({ sort, status, onChange }: Props) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const label = (s: SortOrder) => t(`inboxList.sort.${sortLabelKey(s, status)}`)
  const close = () => setOpen(false)
  const changed = sort !== DEFAULT_SORT
  return (
    <>
      <button
        ref={button}
        type="button"
        className={`icon-btn sort-button ${changed ? 'icon-btn--active' : ''}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('inboxList.sort.button', { label: label(sort) })}
        title={t('inboxList.sort.button', { label: label(sort) })}
        onClick={() => setOpen((o) => !o)}
        data-testid="sort-button"
        data-sort={sort}
      >
        <IconSort size={22} />
      </button>
      <AdaptiveMenu open={open} onClose={close} anchor={button} title={t('inboxList.sort.title')} align="end" testId="sort-menu">
        {SORT_ORDERS.map((s) => (
          <button
            key={s}
            type="button"
            role="menuitemradio"
            aria-checked={s === sort}
            className={`sort-item ${s === sort ? 'sort-item--selected' : ''}`}
            onClick={() => {
              close()
              onChange(s)
            }}
            data-testid={`sort-${s}`}
          >
            <span className="sort-item__label">{label(s)}</span>
            {s === sort && <IconTick size={18} />}
          </button>
        ))}
      </AdaptiveMenu>
    </>
  )
}
