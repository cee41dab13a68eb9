// The files attached to each conversation's reply (kept while switching conversations, like
// drafts), and their uploads: three at a time, each with progress, abortable on remove.
import { uploadFile } from '../api/endpoints'
import { uploadsReducer, nameForUnnamed, type UploadAction, type UploadState } from './uploads'
import { uuid } from './uuid'

type Listener = () => void

const EMPTY: UploadState = []
const states = new Map<string, UploadState>()
const listeners = new Set<Listener>()
const files = new Map<string, { draftKey: string; wid: string; file: File }>()
const running = new Map<string, AbortController>()
const queue: string[] = []
const PARALLEL = 3
const PREVIEWABLE = /^image\/(png|jpeg|gif|bmp|webp)$/i
let pasted = 0

function dispatch(draftKey: string, action: UploadAction) {
  const current = states.get(draftKey) ?? EMPTY
  const next = uploadsReducer(current, action)
  if (next === current) return
  // Previews of files no longer attached are let go.
  for (const item of current) {
    if (item.preview && !next.some((i) => i.key === item.key)) URL.revokeObjectURL(item.preview)
  }
  if (next.length) states.set(draftKey, next)
  else states.delete(draftKey)
  for (const l of [...listeners]) l()
}

export const getUploads = (draftKey: string): UploadState => states.get(draftKey) ?? EMPTY

export function subscribeUploads(listener: Listener) {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

/** The user's error text for a failed upload (the server's 413/415 detail). */
let describeError: (err: unknown) => string = (err) => (err instanceof Error ? err.message : String(err))
export function setUploadErrorText(fn: (err: unknown) => string) {
  describeError = fn
}

function pump() {
  while (running.size < PARALLEL && queue.length) {
    const key = queue.shift()!
    const entry = files.get(key)
    if (!entry) continue
    const controller = new AbortController()
    running.set(key, controller)
    const { draftKey, wid, file } = entry
    uploadFile(wid, file, file.name, {
      signal: controller.signal,
      onProgress: (loaded, total) => dispatch(draftKey, { type: 'progress', key, loaded, total }),
    })
      .then(
        (attachment) => dispatch(draftKey, { type: 'done', key, attachment }),
        (err: unknown) => {
          if (!controller.signal.aborted) dispatch(draftKey, { type: 'failed', key, error: describeError(err) })
        },
      )
      .finally(() => {
        running.delete(key)
        files.delete(key)
        pump()
      })
  }
}

/** Attach files to a conversation's reply: refused ones show why, the rest start uploading. */
export function addFiles(draftKey: string, wid: string, list: readonly File[]) {
  if (!list.length) return
  const added = list.map((original) => {
    let file = original
    // A pasted screenshot comes as "image.png" (or nameless): give it a unique name.
    if (!original.name || original.name === 'image.png') {
      file = new File([original], nameForUnnamed({ name: 'pasted', size: original.size, type: original.type }, ++pasted), {
        type: original.type,
      })
    }
    return { key: uuid(), file }
  })
  dispatch(draftKey, {
    type: 'add',
    files: added.map(({ key, file }) => ({
      key,
      name: file.name,
      size: file.size,
      type: file.type,
      preview: PREVIEWABLE.test(file.type) && typeof URL.createObjectURL === 'function' ? URL.createObjectURL(file) : null,
    })),
  })
  const state = getUploads(draftKey)
  for (const { key, file } of added) {
    const item = state.find((i) => i.key === key)
    if (item?.status !== 'uploading') continue
    files.set(key, { draftKey, wid, file })
    queue.push(key)
  }
  pump()
}

/** Remove one file (stopping its upload). */
export function removeUpload(draftKey: string, key: string) {
  running.get(key)?.abort()
  files.delete(key)
  const i = queue.indexOf(key)
  if (i >= 0) queue.splice(i, 1)
  dispatch(draftKey, { type: 'remove', key })
}

/** After sending: the reply starts with no files. */
export function clearUploads(draftKey: string) {
  for (const item of getUploads(draftKey)) {
    if (item.status === 'uploading') removeUpload(draftKey, item.key)
  }
  dispatch(draftKey, { type: 'clear' })
}
