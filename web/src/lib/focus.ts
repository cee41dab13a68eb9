/** After a refused save: bring the first field marked invalid into view and focus it. */
export function focusFirstInvalid(root: HTMLElement | null): void {
  // Wait for the render that marks the fields.
  requestAnimationFrame(() => {
    const field = root?.querySelector<HTMLElement>('[aria-invalid="true"]')
    if (!field) return
    field.scrollIntoView({ block: 'center', behavior: 'smooth' })
    field.focus({ preventScroll: true })
  })
}
