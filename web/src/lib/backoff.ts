/** Reconnect delay: exponential from `base`, capped (a restarted server is back within seconds), with jitter (50–100 %). */
export function backoffDelay(attempt: number, random = Math.random, base = 500, cap = 10_000) {
  const exp = Math.min(cap, base * 2 ** Math.max(0, attempt))
  return Math.round(exp * (0.5 + random() * 0.5))
}
