// What a reply's one-line preview (above the composer, and the quote inside a bubble) says.
import type { Message } from '../api/types'
import { isPendingId } from './pending'

export type ReplyLabels = {
  you: string
  /** An author with no name, by type (contact, user, ai, workflow, system). */
  author: (type: Message['author']['type']) => string
  photo: string
  video: string
  voice: string
  audio: string
  file: string
  files: (count: number) => string
  unsupported: string
}

export type ReplyIcon = 'image' | 'video' | 'voice' | 'file' | null

export type ReplySummary = { author: string; text: string; icon: ReplyIcon }

/** Longest preview text; the rest is cut with an ellipsis (CSS also cuts to one line). */
export const REPLY_TEXT_MAX = 120

/** One line: whitespace collapsed, cut at a word near `max` with "…". */
export function oneLine(text: string, max = REPLY_TEXT_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const chars = Array.from(flat)
  if (chars.length <= max) return flat
  let cut = chars.slice(0, max).join('')
  const space = cut.lastIndexOf(' ')
  if (space > max * 0.6) cut = cut.slice(0, space)
  return `${cut.replace(/[\s.,;:!?-]+$/, '')}…`
}

function attachmentLabel(m: Message, labels: ReplyLabels): { text: string; icon: ReplyIcon } {
  const files = m.attachments
  if (m.kind === 'voice') return { text: labels.voice, icon: 'voice' }
  if (files.length > 1) return { text: labels.files(files.length), icon: 'file' }
  const a = files[0]
  if (!a) return { text: '', icon: null }
  const type = a.media_type.toLowerCase()
  if (type.startsWith('image/')) return { text: labels.photo, icon: 'image' }
  if (type.startsWith('video/')) return { text: labels.video, icon: 'video' }
  if (type.startsWith('audio/')) return { text: a.filename || labels.audio, icon: 'voice' }
  return { text: a.filename || labels.file, icon: 'file' }
}

/**
 * The author and one-line text of the message replied to. Incoming: the contact's name;
 * ours: "You"; another agent's (or the AI agent's): their name.
 */
export function replySummary(
  m: Message,
  who: { mine: boolean; contactName?: string | null },
  labels: ReplyLabels,
): ReplySummary {
  const author =
    m.direction === 'in'
      ? m.author.name || who.contactName || labels.author('contact')
      : who.mine
        ? labels.you
        : m.author.name || labels.author(m.author.type)
  const text = oneLine(m.text ?? '')
  const files = attachmentLabel(m, labels)
  if (text) return { author, text, icon: files.icon }
  if (files.text) return { author, text: files.text, icon: files.icon }
  if (m.kind === 'unsupported') return { author, text: labels.unsupported, icon: null }
  return { author, text: '', icon: null }
}

export type ReplyBlock = 'pending' | 'notSent' | 'kind' | 'channel' | null

/**
 * Why a message can't be replied to (null: it can). Only sent/received messages of the
 * contact thread, and only on channels that can quote a message.
 */
export function replyBlock(m: Message, channelAllowsReplies: boolean): ReplyBlock {
  if (m.kind === 'comment' || m.kind === 'system') return 'kind'
  if (isPendingId(m.id) || m.status === 'queued') return 'pending'
  if (m.status === 'failed') return 'notSent'
  if (!channelAllowsReplies) return 'channel'
  return null
}
