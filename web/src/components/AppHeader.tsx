import type { Workspace } from '../api/types'
import { LangSwitch } from './LangSwitch'
import { LogoutButton } from './LogoutButton'
import { WorkspaceSwitcher } from './WorkspaceSwitcher'

type Props = { workspaces: readonly Workspace[]; wid: string }

/** The top bar of the inbox: workspace, language, log out. */
export function AppHeader({ workspaces, wid }: Props) {
  return (
    <header className="topbar">
      <img className="topbar__logo" src="/icons/icon.svg" alt="omnibox" width={28} height={28} />
      <WorkspaceSwitcher workspaces={workspaces} current={wid} />
      <div className="topbar__actions">
        <LangSwitch />
        <LogoutButton />
      </div>
    </header>
  )
}
