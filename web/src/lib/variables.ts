// Dynamic variables in a message or snippet: `{{contact.first_name}}`, or with a fallback
// for an empty value `{{contact.first_name|there}}`. The server fills them when the message
// is stored (and refuses an empty one without a fallback); this is the same rule, for the
// composer's preview and warning before sending.

export type VariableUse = {
  /** [start, end) of the whole `{{…}}` in the text. */
  start: number
  end: number
  key: string
  /** The text after `|` (trimmed), or null with no `|`. */
  fallback: string | null
}

// Everything between `{{` and `}}` on one line, like the server: the key is before the first
// `|`, the fallback after it; an unclosed `{{` is left as text.
const VARIABLE_RE = /\{\{([^{}\n]*)\}\}/g

/** The variables written in `text`, in order (an empty key too: the server refuses it). */
export function findVariables(text: string): VariableUse[] {
  const found: VariableUse[] = []
  for (const m of text.matchAll(VARIABLE_RE)) {
    const inside = m[1] ?? ''
    const bar = inside.indexOf('|')
    const key = (bar < 0 ? inside : inside.slice(0, bar)).trim()
    const fallback = bar < 0 ? null : inside.slice(bar + 1).trim()
    found.push({ start: m.index, end: m.index + m[0].length, key, fallback })
  }
  return found
}

export const hasVariables = (text: string) => findVariables(text).length > 0

/** `{{key}}`, or `{{key|}}` to be completed with a fallback. */
export const variableToken = (key: string, withFallback = false) => (withFallback ? `{{${key}|}}` : `{{${key}}}`)

export type FilledText = {
  text: string
  /** Keys whose value is empty and that have no fallback (the server refuses these). */
  empty: string[]
  /** Keys that are not variables at all. */
  unknown: string[]
}

/**
 * `text` with its variables filled from `values` (key → value, '' when empty): an empty value
 * takes the fallback; one with no fallback stays as written and is listed in `empty`.
 */
export function fillVariables(text: string, values: ReadonlyMap<string, string>): FilledText {
  const empty: string[] = []
  const unknown: string[] = []
  let out = ''
  let last = 0
  for (const use of findVariables(text)) {
    out += text.slice(last, use.start)
    last = use.end
    const value = values.get(use.key)
    if (value === undefined) {
      if (!unknown.includes(use.key)) unknown.push(use.key)
      out += text.slice(use.start, use.end)
    } else if (value.trim()) {
      out += value
    } else if (use.fallback !== null) {
      out += use.fallback
    } else {
      if (!empty.includes(use.key)) empty.push(use.key)
      out += text.slice(use.start, use.end)
    }
  }
  return { text: out + text.slice(last), empty, unknown }
}

/**
 * The variables the web client names in the user's language (by their i18n key); others
 * (custom fields) show the server's label as is.
 */
export const KNOWN_VARIABLES = {
  'contact.first_name': 'contactFirstName',
  'contact.last_name': 'contactLastName',
  'contact.name': 'contactName',
  'contact.phone': 'contactPhone',
  'contact.email': 'contactEmail',
  'agent.name': 'agentName',
  'workspace.name': 'workspaceName',
} as const
export type KnownVariable = keyof typeof KNOWN_VARIABLES
export type VariableLabelKey = (typeof KNOWN_VARIABLES)[KnownVariable]

/** The i18n key of a variable's name, or null for one the server names (a custom field). */
export const variableLabelKey = (key: string): VariableLabelKey | null =>
  Object.hasOwn(KNOWN_VARIABLES, key) ? KNOWN_VARIABLES[key as KnownVariable] : null
