import { createContext, useContext } from 'react'

/** What parts of an open conversation (a bubble, a transcript) may do to it. */
export type ConversationActions = {
  wid: string
  cid: string
  /** Append text to this conversation's reply draft and put the cursor there. */
  insertIntoReply: (text: string) => void
}

export const ConversationActionsContext = createContext<ConversationActions | null>(null)
export const useConversationActions = () => useContext(ConversationActionsContext)
