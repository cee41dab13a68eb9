// The voice playback speed, one for all players, remembered on this device.
import { readStorage, STORAGE_KEYS, writeStorage } from './storage'
import { isSpeed, type Speed } from './voice'

type Listener = () => void
const listeners = new Set<Listener>()

function read(): Speed {
  const saved = Number(readStorage(STORAGE_KEYS.voiceSpeed))
  return isSpeed(saved) ? saved : 1
}

let speed: Speed | null = null

export const getVoiceSpeed = (): Speed => (speed ??= read())

export function setVoiceSpeed(value: Speed) {
  speed = value
  writeStorage(STORAGE_KEYS.voiceSpeed, String(value))
  for (const l of [...listeners]) l()
}

export function subscribeVoiceSpeed(listener: Listener): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}
