import type { AnchorHTMLAttributes, MouseEvent } from 'react'
import { isModifiedClick, navigate } from '../lib/router'

type Props = AnchorHTMLAttributes<HTMLAnchorElement> & {
  to: string
  replace?: boolean
  state?: unknown
}

/** An in-app link: a real <a href> (open in new tab works) that navigates without reloading. */
export function Link({ to, replace, state, onClick, ...rest }: Props) {
  const handleClick = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e)
    if (e.defaultPrevented || isModifiedClick(e)) return
    e.preventDefault()
    navigate(to, { replace, state })
  }
  return <a href={to} onClick={handleClick} {...rest} />
}
