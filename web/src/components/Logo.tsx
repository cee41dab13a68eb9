export function Logo() {
  return (
    <div className="logo">
      <img className="logo__mark" src="/icons/icon.svg" alt="" width={40} height={40} />
      <span className="logo__name">omnibox</span>
    </div>
  )
}
