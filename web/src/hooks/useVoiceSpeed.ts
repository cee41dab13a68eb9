import { useSyncExternalStore } from 'react'
import { getVoiceSpeed, subscribeVoiceSpeed } from '../lib/voiceSpeed'

/** The playback speed every voice player uses (1x, 1.5x, 2x). */
export const useVoiceSpeed = () => useSyncExternalStore(subscribeVoiceSpeed, getVoiceSpeed)
