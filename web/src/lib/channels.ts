// Which channels a reply can go out on, and what they can do (pure).
import type { Channel, ChannelBrief, Conversation, Message } from '../api/types'

export type Capabilities = Channel['capabilities']

const NONE: Capabilities = { reply_to: false, typing: false, messaging_window_hours: null }

/**
 * The contact's channels, the one they used last first. The contact API does not list them
 * (yet); a field `channels` on the contact is used when the server sends one, and every
 * channel the contact wrote on in the loaded messages counts (they have an identity there).
 */
export function contactChannels(
  conversation: Pick<Conversation, 'last_channel'> | undefined,
  messages: readonly Pick<Message, 'channel_id' | 'direction'>[],
  workspaceChannels: readonly Channel[],
  contactListed?: readonly ChannelBrief[] | null,
): ChannelBrief[] {
  const byId = new Map(workspaceChannels.map((c) => [String(c.id), c]))
  const out: ChannelBrief[] = []
  const seen = new Set<string>()
  const push = (c: ChannelBrief | null | undefined) => {
    if (!c || seen.has(String(c.id))) return
    seen.add(String(c.id))
    const known = byId.get(String(c.id))
    out.push(known ? { id: known.id, kind: known.kind, name: known.name } : c)
  }
  push(conversation?.last_channel)
  for (const c of contactListed ?? []) push(c)
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!
    if (m.direction !== 'in' || m.channel_id == null) continue
    push(byId.get(String(m.channel_id)))
  }
  return out
}

/** A channel's capabilities from the workspace's channel list (none when unknown). */
export function capabilitiesOf(channels: readonly Channel[] | undefined, id: string | null | undefined): Capabilities {
  if (id == null) return NONE
  return channels?.find((c) => String(c.id) === String(id))?.capabilities ?? NONE
}

/** The messaging window's time left, rounded for display: "5 h", "12 min", "<1 min". */
export function windowLeft(closesAt: string | null | undefined, now: number): { open: boolean; hours: number; minutes: number } {
  const end = closesAt ? Date.parse(closesAt) : Number.NaN
  if (Number.isNaN(end) || end <= now) return { open: false, hours: 0, minutes: 0 }
  const minutes = Math.floor((end - now) / 60_000)
  return { open: true, hours: Math.floor(minutes / 60), minutes: minutes % 60 }
}

/** The values a template's variables take, one per variable, trimmed; null if any is empty. */
export function templateValues(variables: readonly string[], values: Readonly<Record<string, string>>): string[] | null {
  const out = variables.map((v) => (values[v] ?? '').trim())
  return out.every(Boolean) ? out : null
}

/** A template's body with the values filled in ({{1}} or {{name}}), for the preview. */
export function fillTemplate(body: string, values: Readonly<Record<string, string>>): string {
  return body.replace(/{{\s*([\w.]+)\s*}}/g, (whole, name: string) => values[name]?.trim() || whole)
}
