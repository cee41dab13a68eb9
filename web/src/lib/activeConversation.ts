// Which conversation is on screen, so realtime updates know not to bump its unread badge.
let active: { wid: string; cid: string } | null = null

export function setActiveConversation(value: { wid: string; cid: string } | null) {
  active = value
}

export function isConversationOnScreen(wid: string, cid: string) {
  return (
    active !== null &&
    active.wid === wid &&
    active.cid === cid &&
    typeof document !== 'undefined' &&
    document.visibilityState === 'visible'
  )
}
