import { useCallback, useSyncExternalStore } from 'react'

export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (callback: () => void) => {
      const mql = window.matchMedia(query)
      mql.addEventListener('change', callback)
      return () => mql.removeEventListener('change', callback)
    },
    [query],
  )
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches)
}

/** Two panes from this width up; one pane (the phone layout) below. */
export const DESKTOP_QUERY = '(min-width: 768px)'
export const useIsDesktop = () => useMediaQuery(DESKTOP_QUERY)

/** A mouse/trackpad: Enter sends. On touch screens Enter makes a new line. */
export const useHasFinePointer = () => useMediaQuery('(hover: hover) and (pointer: fine)')
