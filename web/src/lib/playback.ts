// Only one voice message plays at a time: starting one pauses the one that was playing.
type Playable = { readonly paused: boolean; pause(): void }

let current: Playable | null = null

/** `el` is about to play (or has started): pause whichever other one is playing. */
export function claimPlayback(el: Playable) {
  if (current && current !== el && !current.paused) current.pause()
  current = el
}

/** `el` is gone (unmounted): forget it. */
export function releasePlayback(el: Playable) {
  if (current === el) current = null
}

export const currentPlayback = () => current
