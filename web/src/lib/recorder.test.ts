import { describe, expect, it } from 'vitest'
import { classifyMediaError, frameLevel, levelsToPeaks, pickMimeType, recordingFileName } from './recorder'

describe('pickMimeType', () => {
  it('prefers Opus in WebM, then AAC in MP4 (Safari)', () => {
    expect(pickMimeType('audio', () => true)).toBe('audio/webm;codecs=opus')
    expect(pickMimeType('audio', (t) => t === 'audio/mp4')).toBe('audio/mp4')
    expect(pickMimeType('video', (t) => t.startsWith('video/webm'))).toBe('video/webm;codecs=vp8,opus')
    expect(pickMimeType('audio', () => false)).toBe('')
    expect(
      pickMimeType('audio', () => {
        throw new Error('no')
      }),
    ).toBe('')
  })
})

describe('recordingFileName', () => {
  it('names the file after what was recorded', () => {
    const at = new Date('2025-03-04T05:06:07Z')
    expect(recordingFileName('audio/webm;codecs=opus', 'audio', at)).toBe('voice-20250304-050607.webm')
    expect(recordingFileName('audio/mp4', 'audio', at)).toBe('voice-20250304-050607.m4a')
    expect(recordingFileName('video/webm', 'video', at)).toBe('video-20250304-050607.webm')
    expect(recordingFileName('video/mp4', 'video', at)).toBe('video-20250304-050607.mp4')
  })
})

describe('classifyMediaError', () => {
  const env = { secure: true, hasMediaDevices: true, hasRecorder: true }
  it('tells a refused permission from a missing device', () => {
    expect(classifyMediaError({ name: 'NotAllowedError' }, env)).toBe('denied')
    expect(classifyMediaError({ name: 'NotFoundError' }, env)).toBe('noDevice')
    expect(classifyMediaError({ name: 'NotReadableError' }, env)).toBe('busy')
    expect(classifyMediaError(new Error('x'), env)).toBe('failed')
  })
  it('says when the page is not on HTTPS or the browser cannot record', () => {
    expect(classifyMediaError(null, { ...env, secure: false })).toBe('insecure')
    expect(classifyMediaError(null, { ...env, hasRecorder: false })).toBe('unsupported')
  })
})

describe('levels', () => {
  it('turn into peaks for the preview waveform', () => {
    expect(levelsToPeaks([], 4)).toEqual([])
    expect(levelsToPeaks([0.1, 0.5, 0.2, 0.9], 2)).toEqual([0.5, 0.9])
    expect(levelsToPeaks([0.3], 3)).toEqual([0.3, 0.3, 0.3])
    expect(frameLevel(new Uint8Array([128, 128]))).toBe(0)
    expect(frameLevel(new Uint8Array([255, 0]))).toBe(1)
  })
})
