export function Spinner({ label, small }: { label?: string; small?: boolean }) {
  return (
    <span className={`spinner ${small ? 'spinner--sm' : ''}`} role="status" aria-label={label}>
      <span className="spinner__dot" />
    </span>
  )
}
