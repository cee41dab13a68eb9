import { describe, expect, it } from 'vitest'
import { conv, msg } from '../test/factories'
import { applyMessageToList, patchConversation, type } from './conversationCache'
