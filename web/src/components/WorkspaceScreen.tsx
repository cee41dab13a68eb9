import { useEffect } from 'react'
import { useWorkspaces } from '../api/queries'
import { sameId, type StatusFilter } from '../api/types'
import { useCustomInboxEditor } from '../hooks/useCustomInboxEditor'
import { useIsDesktop } from '../hooks/useMediaQuery'
import { SocketStateContext, useRealtimeConnection } from '../hooks/useRealtime'
import { paths, type SettingsPage } from '../lib/routes'
import { STORAGE_KEYS, writeStorage } from '../lib/storage'
import { AppHeader } from './AppHeader'
import { NewContactButton } from './AddContactDialog'
import { InboxPanel } from './InboxPanel'
import { ConversationPane } from './ConversationPane'
import { EmptyState } from './EmptyState'
import { FullScreenMessage } from './FullScreenMessage'
import { NoWorkspaces } from './NoWorkspaces'
import { Redirect } from './Redirect'
import { SettingsScreen } from './SettingsScreen'
import { WsStatus } from './WsStatus'

type Props = {
  wid: string
  cid: string | null
  /** A settings screen instead of a conversation: preferences, or the channels. */
  settings?: SettingsPage | null
  status: StatusFilter
  fallbackWid: string | null
}

/**
 * The inbox of one workspace. Phone: one pane (the list, or the open conversation).
 * Desktop: the list on the left, the conversation (or the settings) on the right.
 */
export function WorkspaceScreen({ wid, cid, settings = null, status, fallbackWid }: Props) {
  const workspacesQuery = useWorkspaces(true)
  const workspaces = workspacesQuery.data ?? []
  const member = workspaces.some((w) => sameId(w.id, wid))
  const desktop = useIsDesktop()
  const socketState = useRealtimeConnection(member ? wid : null)
  const inboxEditor = useCustomInboxEditor(wid)

  useEffect(() => {
    if (member) writeStorage(STORAGE_KEYS.workspace, wid)
  }, [member, wid])

  if (!workspacesQuery.data) return <FullScreenMessage loading />
  if (!member) {
    if (!workspaces.length) return <NoWorkspaces />
    const other = fallbackWid && workspaces.some((w) => sameId(w.id, fallbackWid)) ? fallbackWid : String(workspaces[0]!.id)
    return <Redirect to={paths.inbox(other)} />
  }

  const workspace = workspaces.find((w) => sameId(w.id, wid))!
  const canManage = workspace.role === 'owner' || workspace.role === 'manager'
  const showList = desktop || (!cid && !settings)
  return (
    <SocketStateContext.Provider value={socketState}>
      <div className={`layout ${desktop ? 'layout--two' : 'layout--one'}`}>
        <aside className="sidebar" hidden={!showList}>
          <AppHeader workspaces={workspaces} wid={wid} canManage={canManage} open={settings} />
          {showList && <WsStatus />}
          <InboxPanel key={wid} wid={wid} selected={cid} {...inboxEditor.menuProps} />
          <NewContactButton wid={wid} />
        </aside>
        {(desktop || cid || settings) && (
          <main className="main">
            {settings ? (
              <SettingsScreen page={settings} wid={wid} canManage={canManage} showBack={!desktop} />
            ) : cid ? (
              <ConversationPane key={`${wid}/${cid}`} wid={wid} cid={cid} status={status} showBack={!desktop} />
            ) : (
              <EmptyState />
            )}
          </main>
        )}
      </div>
      {inboxEditor.editor}
    </SocketStateContext.Provider>
  )
}
