import { useLayoutEffect } from 'react'
import { navigate } from '../lib/router'

export function Redirect({ to }: { to: string }) {
  useLayoutEffect(() => navigate(to, { replace: true }), [to])
  return null
}
