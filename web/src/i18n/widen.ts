/** The same keys with any string: what another language must fill for an `as const` text tree. */
export type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> }
