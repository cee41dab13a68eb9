import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { setUnauthorizedListener } from './api/client'
import { keys } from './api/keys'
import { useSession } from './api/queries'
import { FullScreenMessage } from './components/FullScreenMessage'
import { LoginPage } from './components/LoginPage'
import { NoWorkspaces } from './components/NoWorkspaces'
import { Redirect } from './components/Redirect'
import { Toaster } from './components/Toaster'
import { WorkspaceScreen } from './components/WorkspaceScreen'
import { pendingStore } from './lib/pendingStore'
import { parseRoute, parseStatus, paths, safeNext } from './lib/routes'
import { useLocation } from './lib/router'
import { readStorage, STORAGE_KEYS } from './lib/storage'
import { defaultWorkspaceId } from './lib/workspaces'

export function App() {
  return (
    <>
      <Screen />
      <Toaster />
    </>
  )
}

function Screen() {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const session = useSession()
  const { pathname, search } = useLocation()
  const route = parseRoute(pathname)

  useEffect(() => {
    // Any 401 from the API: the session is gone; show the login page.
    setUnauthorizedListener(() => {
      pendingStore.reset()
      qc.setQueryData(keys.session, null)
    })
    return () => setUnauthorizedListener(null)
  }, [qc])

  if (session.isPending) return <FullScreenMessage loading title={t('common.loading')} />
  if (session.isError && session.data === undefined) {
    return (
      <FullScreenMessage title={t('common.networkError')}>
        <button className="btn btn--primary" onClick={() => void session.refetch()}>
          {t('common.retry')}
        </button>
      </FullScreenMessage>
    )
  }

  if (!session.data) {
    if (route.name !== 'login') {
      const here = pathname + search
      return <Redirect to={paths.login(safeNext(here) ?? undefined)} />
    }
    return <LoginPage next={safeNext(new URLSearchParams(search).get('next'))} />
  }

  const workspaces = session.data.workspaces
  const fallback = defaultWorkspaceId(workspaces, readStorage(STORAGE_KEYS.workspace))

  if (route.name === 'inbox' || route.name === 'conversation' || route.name === 'settings') {
    return (
      <WorkspaceScreen
        wid={route.wid}
        cid={route.name === 'conversation' ? route.cid : null}
        settings={route.name === 'settings' ? route.page : null}
        status={parseStatus(search)}
        fallbackWid={fallback}
      />
    )
  }
  if (route.name === 'login') {
    const next = safeNext(new URLSearchParams(search).get('next'))
    if (next) return <Redirect to={next} />
  }
  if (!fallback) return <NoWorkspaces />
  return <Redirect to={paths.inbox(fallback)} />
}
