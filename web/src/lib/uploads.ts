// The files attached to a reply before it is sent: checked against the limits, uploaded one
// by one (with progress), removable. A pure reducer; lib/uploader.ts does the uploading.
import type { Attachment } from '../api/types'

/** The server's limits (it checks again, by content). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024
export const MAX_FILES = 50
export const ALLOWED_EXTENSIONS = [
  'jpg', 'jpeg', 'gif', 'bmp', 'png', 'txt', 'xls', 'xlsx', 'doc', 'docx', 'csv', 'ppt', 'pptx',
  'mp3', 'mp4', 'mov', 'wav', 'mpg', 'mpeg', 'zip', 'tar', 'tgz', 'gz', 'pdf', 'log', 'xml',
] as const

/** Media types of files with no name (pasted screenshots) that are fine. */
const ALLOWED_TYPES: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/bmp': 'bmp',
  'text/plain': 'txt',
  'application/pdf': 'pdf',
}

/**
 * The file input's `accept`: the extensions, plus image/* and video/* so phones offer the
 * camera and the gallery (what the gallery gives that we can't send, e.g. HEIC, is refused
 * with a reason on its chip).
 */
export const ACCEPT = [...ALLOWED_EXTENSIONS.map((e) => `.${e}`), 'image/*', 'video/*'].join(',')

export const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.')
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : ''
}

export type FileInfo = { name: string; size: number; type: string }

export type Refusal =
  | { reason: 'type'; extension: string }
  | { reason: 'size'; limit: number }
  | { reason: 'empty' }
  | { reason: 'count'; limit: number }

/** Why a file can't be attached (before uploading), or null. */
export function checkFile(file: FileInfo, maxBytes = MAX_FILE_BYTES): Refusal | null {
  const ext = extensionOf(file.name)
  const allowed = ext
    ? (ALLOWED_EXTENSIONS as readonly string[]).includes(ext)
    : file.type.toLowerCase() in ALLOWED_TYPES
  if (!allowed) return { reason: 'type', extension: ext || file.type || '?' }
  if (file.size <= 0) return { reason: 'empty' }
  if (file.size > maxBytes) return { reason: 'size', limit: maxBytes }
  return null
}

/** A name for a file that came without one (a pasted screenshot): "pasted-1.png". */
export function nameForUnnamed(file: FileInfo, n: number): string {
  if (file.name && extensionOf(file.name)) return file.name
  const ext = ALLOWED_TYPES[file.type.toLowerCase()] ?? 'bin'
  return `${file.name || 'pasted'}-${n}.${ext}`
}

export type UploadStatus = 'uploading' | 'done' | 'error'

export type UploadItem = {
  key: string
  name: string
  size: number
  type: string
  status: UploadStatus
  /** 0..1 while uploading. */
  progress: number
  attachment: Attachment | null
  /** A refusal found before uploading, or the server's reason (413/415 detail). */
  refusal: Refusal | null
  error: string | null
  /** A local preview (object URL) of an image, for its chip. */
  preview: string | null
}

export type UploadState = readonly UploadItem[]

export type UploadAction =
  | { type: 'add'; files: (FileInfo & { key: string; preview?: string | null })[] }
  | { type: 'progress'; key: string; loaded: number; total: number }
  | { type: 'done'; key: string; attachment: Attachment }
  | { type: 'failed'; key: string; error: string }
  | { type: 'remove'; key: string }
  | { type: 'clear' }

const accepted = (items: UploadState) => items.filter((i) => i.status !== 'error').length

export function uploadsReducer(state: UploadState, action: UploadAction): UploadState {
  switch (action.type) {
    case 'add': {
      let count = accepted(state)
      const added: UploadItem[] = action.files.map((f) => {
        let refusal = checkFile(f)
        if (!refusal && count >= MAX_FILES) refusal = { reason: 'count', limit: MAX_FILES }
        if (!refusal) count++
        return {
          key: f.key,
          name: f.name,
          size: f.size,
          type: f.type,
          status: refusal ? 'error' : 'uploading',
          progress: 0,
          attachment: null,
          refusal,
          error: null,
          preview: refusal ? null : (f.preview ?? null),
        }
      })
      return added.length ? [...state, ...added] : state
    }
    case 'progress':
      return update(state, action.key, (i) =>
        i.status === 'uploading' && action.total > 0
          ? { ...i, progress: Math.min(1, Math.max(i.progress, action.loaded / action.total)) }
          : i,
      )
    case 'done':
      return update(state, action.key, (i) =>
        i.status === 'uploading' ? { ...i, status: 'done', progress: 1, attachment: action.attachment } : i,
      )
    case 'failed':
      return update(state, action.key, (i) =>
        i.status === 'uploading' ? { ...i, status: 'error', error: action.error } : i,
      )
    case 'remove':
      return state.some((i) => i.key === action.key) ? state.filter((i) => i.key !== action.key) : state
    case 'clear':
      return state.length ? [] : state
  }
}

function update(state: UploadState, key: string, fn: (i: UploadItem) => UploadItem): UploadState {
  let changed = false
  const next = state.map((i) => {
    if (i.key !== key) return i
    const n = fn(i)
    if (n !== i) changed = true
    return n
  })
  return changed ? next : state
}

/** Uploads still running (sending waits for them). */
export const uploadingCount = (state: UploadState) => state.filter((i) => i.status === 'uploading').length

/** The uploaded files, in the order they were added: what a message sends. */
export const uploadedAttachments = (state: UploadState): Attachment[] =>
  state.flatMap((i) => (i.status === 'done' && i.attachment ? [i.attachment] : []))

/** Whether a message can go out with these files: none still uploading. */
export const uploadsSettled = (state: UploadState) => uploadingCount(state) === 0
