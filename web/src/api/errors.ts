import type { Problem } from './types'

/** An API failure: an RFC 9457 problem from the server, or a network error (status 0). */
export class ApiError extends Error {
  readonly status: number
  readonly problem: Problem | null
  /** Seconds from a `Retry-After` header (429), if any. */
  readonly retryAfter: number | null

  constructor(status: number, problem: Problem | null, retryAfter: number | null = null) {
    super(problem?.detail || problem?.title || (status ? `HTTP ${status}` : 'Network error'))
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
    this.retryAfter = retryAfter
  }

  get isNetwork() {
    return this.status === 0
  }
}

export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { status?: unknown }).status === 'number' &&
    typeof (value as { title?: unknown }).title === 'string'
  )
}

/** FastAPI's default validation error body: `{detail: [{msg, loc}]}` or `{detail: "..."}`. */
function problemFromBody(status: number, body: unknown): Problem | null {
  if (isProblem(body)) return body
  if (typeof body === 'object' && body !== null && 'detail' in body) {
    const detail = (body as { detail: unknown }).detail
    if (typeof detail === 'string') return { type: 'about:blank', title: detail, status, detail }
    if (Array.isArray(detail)) {
      const text = detail
        .map((d) => (typeof d === 'object' && d && 'msg' in d ? String(d.msg) : String(d)))
        .join('; ')
      return { type: 'about:blank', title: text, status, detail: text }
    }
  }
  if (typeof body === 'string' && body.trim()) {
    return { type: 'about:blank', title: body.trim().slice(0, 300), status, detail: null }
  }
  return null
}

export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds))
  const date = Date.parse(value)
  if (Number.isNaN(date)) return null
  return Math.max(0, Math.ceil((date - now) / 1000))
}

type FetchResult<T> = { data?: T; error?: unknown; response: Response }

/** Resolve an openapi-fetch call to its data or throw an ApiError. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>
  try {
    result = await call
  } catch (err) {
    if (err instanceof ApiError) throw err
    throw new ApiError(0, null)
  }
  const { data, error, response } = result
  if (!response.ok || error !== undefined) {
    throw new ApiError(
      response.status,
      problemFromBody(response.status, error),
      parseRetryAfter(response.headers.get('Retry-After')),
    )
  }
  return data as T
}
