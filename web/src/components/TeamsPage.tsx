import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import {
  useAddTeamMember,
  useCreateTeam,
  useDeleteTeam,
  useMembers,
  useRemoveTeamMember,
  useRenameTeam,
  useTeams,
} from '../api/queries'
import { sameId, type Member, type Team } from '../api/types'
import { useErrorText } from '../hooks/useErrorText'
import '../styles/settings.css'
import { Avatar } from './Avatar'
import { IconClose, IconEdit, IconPlus, IconTrash } from './Icons'
import { SettingsHeader } from './SettingsHeader'
import { SettingsLoadError, SettingsLoading } from './SettingsNotice'

type Props = { wid: string; canManage: boolean; showBack: boolean }

/** Teams (owners and managers): create, rename, delete, and who is in each. */
export function TeamsPage({ wid, canManage, showBack }: Props) {
  const { t } = useTranslation()
  const [adding, setAdding] = useState(false)
  return (
    <section className="settings" data-testid="teams">
      <SettingsHeader wid={wid} title={t('settings.teams.title')} showBack={showBack}>
        {canManage && !adding && (
          <button type="button" className="btn btn--primary settings-header__add" data-testid="team-add" onClick={() => setAdding(true)}>
            <IconPlus size={18} />
            <span>{t('settings.teams.add')}</span>
          </button>
        )}
      </SettingsHeader>
      <div className="settings__scroller">
        {!canManage ? (
          <p className="settings__notice">{t('settings.forbidden')}</p>
        ) : (
          <div className="settings__stack">
            {adding && <NewTeamForm wid={wid} onDone={() => setAdding(false)} />}
            <TeamList wid={wid} />
          </div>
        )}
      </div>
    </section>
  )
}

function NewTeamForm({ wid, onDone }: { wid: string; onDone: () => void }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const create = useCreateTeam(wid)
  const [name, setName] = useState('')
  const [tried, setTried] = useState(false)
  const blank = !name.trim()
  const submit = (e: FormEvent) => {
    e.preventDefault()
    setTried(true)
    if (blank || create.isPending) return
    create.mutate({ name: name.trim(), member_ids: [] }, { onSuccess: onDone })
  }
  return (
    <form className="settings__card manage-form" data-testid="team-form" onSubmit={submit} noValidate>
      <label className="field">
        <span className="field__label">{t('settings.teams.name')}</span>
        <input
          className="field__input"
          data-testid="team-name-input"
          value={name}
          maxLength={100}
          placeholder={t('settings.teams.namePlaceholder')}
          aria-invalid={tried && blank ? true : undefined}
          autoFocus
          onChange={(e) => setName(e.target.value)}
        />
        {tried && blank && <span className="field__error">{t('settings.teams.nameRequired')}</span>}
      </label>
      {create.isError && (
        <p className="form-error" role="alert" data-testid="team-form-error">
          {errorText(create.error)}
        </p>
      )}
      <div className="manage-form__actions">
        <button type="button" className="btn" onClick={onDone}>
          {t('settings.cancel')}
        </button>
        <button type="submit" className="btn btn--primary" data-testid="team-create" disabled={create.isPending}>
          {create.isPending ? t('settings.teams.creating') : t('settings.teams.create')}
        </button>
      </div>
    </form>
  )
}

function TeamList({ wid }: { wid: string }) {
  const { t } = useTranslation()
  const teams = useTeams(wid)
  const members = useMembers(wid)
  if (teams.isPending || members.isPending) {
    return <SettingsLoading />
  }
  const error = teams.error ?? members.error
  if (error) {
    return <SettingsLoadError title={t('settings.teams.loadError')} error={error} onRetry={() => void Promise.all([teams.refetch(), members.refetch()])} />
  }
  const list = [...(teams.data ?? [])].sort((a, b) => a.name.localeCompare(b.name))
  if (!list.length) return <p className="settings__notice">{t('settings.teams.empty')}</p>
  return (
    <ul className="manage-list">
      {list.map((team) => (
        <TeamCard key={String(team.id)} wid={wid} team={team} members={members.data ?? []} />
      ))}
    </ul>
  )
}

function TeamCard({ wid, team, members }: { wid: string; team: Team; members: readonly Member[] }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view')
  const [name, setName] = useState(team.name)
  const rename = useRenameTeam(wid)
  const remove = useDeleteTeam(wid)
  const addMember = useAddTeamMember(wid)
  const removeMember = useRemoveTeamMember(wid)
  const inTeam = members.filter((m) => team.member_ids.some((id) => sameId(id, m.user_id)))
  const others = members.filter((m) => !team.member_ids.some((id) => sameId(id, m.user_id)))
  const teamId = String(team.id)
  const failed = [rename, remove, addMember, removeMember].find((m) => m.isError)

  const saveName = (e: FormEvent) => {
    e.preventDefault()
    const next = name.trim()
    if (!next) return
    if (next === team.name) {
      setMode('view')
      return
    }
    rename.mutate({ id: teamId, name: next }, { onSuccess: () => setMode('view') })
  }

  return (
    <li className="settings__card manage-card" data-testid="team-card" data-team-id={teamId}>
      {mode === 'rename' ? (
        <form className="manage-card__rename" onSubmit={saveName} noValidate>
          <input
            className="field__input"
            data-testid="team-rename-input"
            aria-label={t('settings.teams.name')}
            value={name}
            maxLength={100}
            autoFocus
            aria-invalid={!name.trim() ? true : undefined}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setMode('view')
            }}
          />
          <button type="button" className="btn" onClick={() => setMode('view')}>
            {t('settings.cancel')}
          </button>
          <button type="submit" className="btn btn--primary" data-testid="team-rename-save" disabled={!name.trim() || rename.isPending}>
            {t('settings.save')}
          </button>
        </form>
      ) : (
        <div className="manage-card__head">
          <div className="manage-card__title">
            <span className="manage-card__name" data-testid="team-name">
              {team.name}
            </span>
            <span className="manage-card__sub">{t('settings.teams.memberCount', { count: team.member_ids.length })}</span>
          </div>
          <button
            type="button"
            className="icon-btn"
            data-testid="team-rename"
            aria-label={t('settings.teams.rename', { name: team.name })}
            title={t('settings.teams.rename', { name: team.name })}
            onClick={() => {
              setName(team.name)
              setMode('rename')
            }}
          >
            <IconEdit size={20} />
          </button>
          <button
            type="button"
            className="icon-btn manage-card__danger"
            data-testid="team-delete"
            aria-label={t('settings.teams.remove', { name: team.name })}
            title={t('settings.teams.remove', { name: team.name })}
            onClick={() => setMode('delete')}
          >
            <IconTrash size={20} />
          </button>
        </div>
      )}

      {mode === 'delete' && (
        <div className="manage-card__confirm" role="alertdialog" aria-label={t('settings.teams.remove', { name: team.name })}>
          <p>{t('settings.teams.removeConfirm', { name: team.name })}</p>
          <div className="manage-form__actions">
            <button type="button" className="btn" onClick={() => setMode('view')}>
              {t('settings.cancel')}
            </button>
            <button
              type="button"
              className="btn btn--danger"
              data-testid="team-delete-confirm"
              disabled={remove.isPending}
              onClick={() => remove.mutate(teamId)}
            >
              {t('settings.delete')}
            </button>
          </div>
        </div>
      )}

      <div className="manage-card__section">
        <span className="settings__title">{t('settings.teams.members')}</span>
        {inTeam.length ? (
          <ul className="member-chips" data-testid="team-members">
            {inTeam.map((m) => (
              <li key={String(m.user_id)} className="member-chip" data-testid="team-member">
                <Avatar name={m.name} seed={String(m.user_id)} size="sm" />
                <span className="member-chip__name" data-testid="team-member-name">
                  {m.name}
                </span>
                <button
                  type="button"
                  className="member-chip__remove"
                  data-testid="team-member-remove"
                  aria-label={t('settings.teams.removeMember', { name: m.name })}
                  title={t('settings.teams.removeMember', { name: m.name })}
                  disabled={removeMember.isPending}
                  onClick={() => removeMember.mutate({ teamId, userId: String(m.user_id) })}
                >
                  <IconClose size={16} />
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <span className="settings__hint">{t('settings.teams.noMembers')}</span>
        )}
        {others.length ? (
          <select
            className="select settings__select"
            data-testid="team-member-add"
            aria-label={t('settings.teams.addMember')}
            value=""
            disabled={addMember.isPending}
            onChange={(e) => {
              if (e.target.value) addMember.mutate({ teamId, userId: e.target.value })
            }}
          >
            <option value="">{`+ ${t('settings.teams.addMember')}`}</option>
            {others.map((m) => (
              <option key={String(m.user_id)} value={String(m.user_id)}>
                {m.name} · {m.email}
              </option>
            ))}
          </select>
        ) : (
          <span className="settings__hint">{t('settings.teams.everyoneIn')}</span>
        )}
      </div>
      {failed && (
        <p className="form-error" role="alert">
          {errorText(failed.error)}
        </p>
      )}
    </li>
  )
}
