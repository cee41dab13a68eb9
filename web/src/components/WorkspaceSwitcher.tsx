import { useTranslation } from 'react-i18next'
import type { Workspace } from '../api/types'
import { paths } from '../lib/routes'
import { navigate } from '../lib/router'

type Props = { workspaces: readonly Workspace[]; current: string }

export function WorkspaceSwitcher({ workspaces, current }: Props) {
  const { t } = useTranslation()
  return (
    <select
      className="select select--workspace"
      data-testid="workspace-switcher"
      aria-label={t('header.workspace')}
      title={t('header.workspace')}
      value={current}
      disabled={workspaces.length < 2}
      onChange={(e) => navigate(paths.inbox(e.target.value))}
    >
      {workspaces.map((w) => (
        <option key={String(w.id)} value={String(w.id)}>
          {w.name}
        </option>
      ))}
    </select>
  )
}
