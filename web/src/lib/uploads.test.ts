import { describe, expect, it } from 'vitest'
import type { Attachment } from '../api/types'
import {
  ACCEPT,
  checkFile,
  MAX_FILE_BYTES,
  MAX_FILES,
  nameForUnnamed,
  uploadedAttachments,
  uploadsReducer,
  uploadsSettled,
  type UploadState,
} from './uploads'

const f = (key: string, name: string, size = 1000, type = '') => ({ key, name, size, type })
const att = (id: string) => ({ id, media_type: 'application/pdf', filename: `${id}.pdf`, size: 1, status: 'ready', url: '/u' }) as Attachment

describe('checkFile', () => {
  it('accepts the listed types up to 20 MB', () => {
    expect(checkFile(f('a', 'offer.PDF'))).toBeNull()
    expect(checkFile(f('a', 'photo.jpeg', MAX_FILE_BYTES))).toBeNull()
    expect(checkFile(f('a', 'archive.tgz'))).toBeNull()
  })
  it('refuses other types, empty files and files over the limit', () => {
    expect(checkFile(f('a', 'setup.exe'))).toEqual({ reason: 'type', extension: 'exe' })
    expect(checkFile(f('a', 'photo.heic', 10, 'image/heic'))).toEqual({ reason: 'type', extension: 'heic' })
    expect(checkFile(f('a', 'big.zip', MAX_FILE_BYTES + 1))).toEqual({ reason: 'size', limit: MAX_FILE_BYTES })
    expect(checkFile(f('a', 'empty.txt', 0))).toEqual({ reason: 'empty' })
  })
  it('judges a nameless pasted file by its type', () => {
    expect(checkFile(f('a', 'image', 10, 'image/png'))).toBeNull()
    expect(nameForUnnamed({ name: 'image', size: 1, type: 'image/png' }, 2)).toBe('image-2.png')
    expect(nameForUnnamed({ name: 'a.png', size: 1, type: 'image/png' }, 2)).toBe('a.png')
  })
  it('lets phones offer the camera and gallery', () => {
    expect(ACCEPT).toContain('image/*')
    expect(ACCEPT).toContain('.pdf')
  })
})

describe('uploadsReducer', () => {
  it('uploads accepted files and refuses the rest at once, with the reason', () => {
    const s = uploadsReducer([], { type: 'add', files: [f('1', 'a.pdf'), f('2', 'b.exe')] })
    expect(s.map((i) => i.status)).toEqual(['uploading', 'error'])
    expect(s[1]!.refusal).toEqual({ reason: 'type', extension: 'exe' })
    expect(uploadsSettled(s)).toBe(false)
  })

  it('tracks progress, never backwards, and completes', () => {
    let s: UploadState = uploadsReducer([], { type: 'add', files: [f('1', 'a.pdf')] })
    s = uploadsReducer(s, { type: 'progress', key: '1', loaded: 50, total: 100 })
    expect(s[0]!.progress).toBe(0.5)
    const same = uploadsReducer(s, { type: 'progress', key: '1', loaded: 20, total: 100 })
    expect(same[0]!.progress).toBe(0.5)
    s = uploadsReducer(s, { type: 'done', key: '1', attachment: att('x') })
    expect(s[0]).toMatchObject({ status: 'done', progress: 1 })
    expect(uploadedAttachments(s).map((a) => a.id)).toEqual(['x'])
    expect(uploadsSettled(s)).toBe(true)
    // A late progress event changes nothing.
    expect(uploadsReducer(s, { type: 'progress', key: '1', loaded: 1, total: 2 })).toBe(s)
  })

  it("shows the server's reason on a refused upload", () => {
    let s = uploadsReducer([], { type: 'add', files: [f('1', 'fake.pdf')] })
    s = uploadsReducer(s, { type: 'failed', key: '1', error: 'fake.pdf is not a file type that can be sent' })
    expect(s[0]).toMatchObject({ status: 'error', error: 'fake.pdf is not a file type that can be sent' })
    expect(uploadedAttachments(s)).toEqual([])
  })

  it('keeps at most 50 files a message', () => {
    const many = Array.from({ length: MAX_FILES + 2 }, (_, i) => f(String(i), `${i}.txt`))
    const s = uploadsReducer([], { type: 'add', files: many })
    expect(s.filter((i) => i.status === 'uploading')).toHaveLength(MAX_FILES)
    expect(s.at(-1)!.refusal).toEqual({ reason: 'count', limit: MAX_FILES })
    // Removing one makes room again.
    const fewer = uploadsReducer(s, { type: 'remove', key: '0' })
    const again = uploadsReducer(fewer, { type: 'add', files: [f('new', 'n.txt')] })
    expect(again.at(-1)!.status).toBe('uploading')
  })

  it('removes and clears, returning the same state when nothing changes', () => {
    const s = uploadsReducer([], { type: 'add', files: [f('1', 'a.pdf'), f('2', 'b.pdf')] })
    expect(uploadsReducer(s, { type: 'remove', key: '1' }).map((i) => i.key)).toEqual(['2'])
    expect(uploadsReducer(s, { type: 'remove', key: 'nope' })).toBe(s)
    expect(uploadsReducer(s, { type: 'clear' })).toEqual([])
    const empty: UploadState = []
    expect(uploadsReducer(empty, { type: 'clear' })).toBe(empty)
  })
})
