import type { ReactNode } from 'react'
import { Spinner } from './Spinner'

type Props = { loading?: boolean; title?: string; children?: ReactNode }

/** A centred screen for loading and blocking errors. */
export function FullScreenMessage({ loading, title, children }: Props) {
  return (
    <div className="fullscreen">
      {loading && <Spinner label={title} />}
      {title && !loading && <p className="fullscreen__title">{title}</p>}
      {children}
    </div>
  )
}
