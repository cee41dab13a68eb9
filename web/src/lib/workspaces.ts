import { sameId, type Workspace } from '../api/types'

/** The workspace to open: the remembered one if the user still belongs to it, else the first. */
export function defaultWorkspaceId(workspaces: readonly Workspace[], remembered: string | null): string | null {
  if (remembered && workspaces.some((w) => sameId(w.id, remembered))) return remembered
  const first = workspaces[0]
  return first ? String(first.id) : null
}
