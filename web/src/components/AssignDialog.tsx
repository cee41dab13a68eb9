import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useConversationAction, useMembers, useSession, useTeams } from '../api/queries'
import { sameId, type Conversation, type Member, type Team } from '../api/types'
import { useErrorText } from '../hooks/useErrorText'
import { showToast } from '../lib/toast'
import { IconPersonNone, IconSearchSmall, IconTeam } from './ActionIcons'
import { Avatar } from './Avatar'
import { IconCheck } from './Icons'
import { Sheet } from './Sheet'
import { Spinner } from './Spinner'
import '../styles/actions.css'

type Props = { wid: string; conversation: Conversation; onClose: () => void }

const matches = (q: string, ...texts: (string | null | undefined)[]) =>
  !q || texts.some((s) => s?.toLocaleLowerCase().includes(q))

/** Assign to a person (you first) or a team, or unassign (back to Unassigned). */
export function AssignDialog({ wid, conversation: c, onClose }: Props) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const myId = useSession().data?.user.id
  const members = useMembers(wid)
  const teams = useTeams(wid)
  const [query, setQuery] = useState('')
  const q = query.trim().toLocaleLowerCase()
  // The dialog closes at once and the header shows the change; a refusal comes as a toast.
  const action = useConversationAction(wid, { onError: (err) => showToast(errorText(err), 'error') })

  const people = useMemo(() => {
    const list = (members.data ?? []).filter((m) => matches(q, m.name, m.email))
    // You first, then by name.
    return list.sort((a, b) => Number(sameId(b.user_id, myId)) - Number(sameId(a.user_id, myId)) || a.name.localeCompare(b.name))
  }, [members.data, q, myId])
  const teamList = useMemo(() => (teams.data ?? []).filter((team) => matches(q, team.name)), [teams.data, q])

  const cid = String(c.id)
  const pickPerson = (m: Member) => {
    onClose()
    if (sameId(m.user_id, c.assignee_id)) return
    action.mutate({ cid, action: { kind: 'assign', assignee_id: String(m.user_id) } })
  }
  const pickTeam = (team: Team) => {
    onClose()
    if (sameId(team.id, c.team_id)) return
    action.mutate({ cid, action: { kind: 'assign', team_id: String(team.id) } })
  }
  const unassign = () => {
    onClose()
    action.mutate({ cid, action: { kind: 'unassign' } })
  }

  const assigned = c.assignee_id != null || c.team_id != null
  const loading = members.isPending || teams.isPending
  const nothing = !loading && !people.length && !teamList.length

  return (
    <Sheet title={t('actions.assignDialog.title')} onClose={onClose} size="wide" testId="assign-dialog">
      <label className="assign-search">
        <IconSearchSmall size={18} className="assign-search__icon" />
        <input
          type="search"
          className="field__input assign-search__input"
          placeholder={t('actions.assignDialog.search')}
          aria-label={t('actions.assignDialog.search')}
          data-testid="assign-search"
          data-autofocus
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            // Enter takes the first match.
            if (e.key !== 'Enter') return
            e.preventDefault()
            if (people[0]) pickPerson(people[0])
            else if (teamList[0]) pickTeam(teamList[0])
          }}
        />
      </label>
      {assigned && !q && (
        <button type="button" className="action-row" onClick={unassign} data-testid="assign-unassign">
          <IconPersonNone size={20} className="action-row__icon" />
          <span className="action-row__text">
            <span className="action-row__label">{t('actions.assignDialog.unassign')}</span>
            <span className="action-row__sub">{t('actions.assignDialog.unassignHint')}</span>
          </span>
        </button>
      )}
      {loading && <Spinner label={t('common.loading')} />}
      {(members.error || teams.error) && <p className="form-error">{errorText(members.error ?? teams.error)}</p>}
      {nothing && <p className="muted">{t('actions.assignDialog.noMatch', { q: query.trim() })}</p>}
      {people.length > 0 && (
        <section aria-label={t('actions.assignDialog.people')}>
          <h3 className="action-section">{t('actions.assignDialog.people')}</h3>
          <ul className="action-list" role="list">
            {people.map((m) => {
              const current = sameId(m.user_id, c.assignee_id)
              return (
                <li key={String(m.user_id)}>
                  <button
                    type="button"
                    className={`action-row ${current ? 'action-row--current' : ''}`}
                    aria-pressed={current}
                    data-testid="assign-person"
                    data-user-id={String(m.user_id)}
                    onClick={() => pickPerson(m)}
                  >
                    <Avatar name={m.name} seed={String(m.user_id)} size="sm" />
                    <span className="action-row__text">
                      <span className="action-row__label">
                        {m.name}
                        {sameId(m.user_id, myId) && <span className="action-row__you"> ({t('actions.assignDialog.you')})</span>}
                      </span>
                      <span className="action-row__sub">{m.email}</span>
                    </span>
                    {current && <IconCheck size={20} className="action-row__check" />}
                  </button>
                </li>
              )
            })}
          </ul>
        </section>
      )}
      {(teamList.length > 0 || (!q && teams.data)) && (
        <section aria-label={t('actions.assignDialog.teams')}>
          <h3 className="action-section">{t('actions.assignDialog.teams')}</h3>
          {!teamList.length && <p className="muted action-section__empty">{t('actions.assignDialog.noTeams')}</p>}
          <ul className="action-list" role="list">
            {teamList.map((team) => {
              const current = sameId(team.id, c.team_id)
              return (
                <li key={String(team.id)}>
                  <button
                    type="button"
                    className={`action-row ${current ? 'action-row--current' : ''}`}
                    aria-pressed={current}
                    data-testid="assign-team"
                    data-team-id={String(team.id)}
                    onClick={() => pickTeam(team)}
                  >
                    <span className="action-row__badge">
                      <IconTeam size={18} />
                    </span>
                    <span className="action-row__text">
                      <span className="action-row__label">{team.name}</span>
                      <span className="action-row__sub">{t('actions.assignDialog.members', { count: team.member_ids.length })}</span>
                    </span>
                    {current && <IconCheck size={20} className="action-row__check" />}
                  </button>
                </li>
              )
            })}
          </ul>
        </section>
      )}
    </Sheet>
  )
}
