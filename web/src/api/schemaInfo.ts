// What the API schema this client was built with has, in brief (vite.config.ts reads
// openapi.json): every "METHOD /path" and every schema's field names. Features that wait on
// something the server does not offer yet check here, so they turn on by themselves once the
// schema has it (today: a contact's list of channels, a message's raw payload).
declare const __API_SCHEMA__:
  | { operations: readonly string[]; fields: Readonly<Record<string, readonly string[]>> }
  | undefined

const SCHEMA = typeof __API_SCHEMA__ === 'undefined' ? { operations: [], fields: {} } : __API_SCHEMA__
const OPERATIONS = new Set<string>(SCHEMA.operations)

/** Whether the server has this operation, e.g. "GET /api/v1/workspaces/{workspace_id}/channels". */
export function hasOperation(operation: string): boolean {
  return OPERATIONS.has(operation)
}

/** Whether a schema (e.g. ContactOut) has a field (e.g. channels). */
export function schemaHasField(schema: string, field: string): boolean {
  return SCHEMA.fields[schema]?.includes(field) ?? false
}
