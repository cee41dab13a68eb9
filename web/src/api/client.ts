import createClient, { type Middleware } from 'openapi-fetch'
import type { paths } from './schema'

type Listener = () => void
let unauthorizedListener: Listener | null = null

/** Called when any request (other than login/me) gets 401: the session has ended. */
export function setUnauthorizedListener(listener: Listener | null) {
  unauthorizedListener = listener
}

const SESSION_PROBES = ['/api/v1/auth/login', '/api/v1/auth/me', '/api/v1/auth/logout']

/** A 401 from `url`: the session is gone, unless it was a login/session probe. */
export function noteUnauthorized(url: string) {
  const path = new URL(url, window.location.origin).pathname
  if (!SESSION_PROBES.includes(path)) unauthorizedListener?.()
}

const sessionMiddleware: Middleware = {
  onResponse({ request, response }) {
    if (response.status === 401) noteUnauthorized(request.url)
    return undefined
  },
}

/** The one HTTP client: typed from the OpenAPI schema, cookie session, same origin. */
export const api = createClient<paths>({
  baseUrl: typeof window === 'undefined' ? 'http://localhost' : window.location.origin,
  credentials: 'same-origin',
  headers: { Accept: 'application/json, application/problem+json' },
})
api.use(sessionMiddleware)
