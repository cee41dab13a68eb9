import { useTranslation } from 'react-i18next'
import type { PickedSnippetFile } from '../lib/composerExtras'
import { formatFileSize } from '../lib/format'
import { MAX_FILE_BYTES, MAX_FILES, type Refusal, type UploadItem, type UploadState } from '../lib/uploads'
import { IconAlert, IconClose, IconFile, IconImage, IconMic, IconTemplate, IconVideo } from './Icons'

type Props = {
  items: UploadState
  onRemove: (key: string) => void
  /** Files that came with inserted snippets (already on the server). */
  snippetFiles?: readonly PickedSnippetFile[]
  onRemoveSnippetFile?: (id: string) => void
}

function useSizeText() {
  const { t, i18n } = useTranslation()
  const units = [t('units.b'), t('units.kb'), t('units.mb'), t('units.gb')] as const
  return (bytes: number) => formatFileSize(bytes, i18n.language, units)
}

/** Why a file was refused before uploading, in words. */
function useRefusalText() {
  const { t } = useTranslation()
  const size = useSizeText()
  return (r: Refusal) => {
    switch (r.reason) {
      case 'type':
        return t('attach.refusedType', { ext: r.extension.toUpperCase() })
      case 'size':
        return t('attach.refusedSize', { limit: size(r.limit) })
      case 'empty':
        return t('attach.refusedEmpty')
      case 'count':
        return t('attach.refusedCount', { count: r.limit })
    }
  }
}

function KindIcon({ type }: { type: string }) {
  if (type.startsWith('image/')) return <IconImage size={20} />
  if (type.startsWith('video/')) return <IconVideo size={20} />
  if (type.startsWith('audio/')) return <IconMic size={20} />
  return <IconFile size={20} />
}

/**
 * The files going with the reply: name, size, upload progress or the reason it was refused;
 * then the files of inserted snippets, saying which snippet they came from.
 */
export function AttachmentTray({ items, onRemove, snippetFiles = [], onRemoveSnippetFile }: Props) {
  const { t } = useTranslation()
  const size = useSizeText()
  const refusal = useRefusalText()
  const accepted = items.filter((i) => i.status !== 'error').length + snippetFiles.length
  return (
    <div className="att-tray" role="list" aria-label={t('attach.tray')}>
      {items.map((item) => (
        <Chip key={item.key} item={item} size={size(item.size)} reason={item.refusal ? refusal(item.refusal) : item.error} onRemove={onRemove} />
      ))}
      {snippetFiles.map((file) => (
        <SnippetChip key={file.id} file={file} size={size(file.size)} onRemove={onRemoveSnippetFile} />
      ))}
      <span className="att-tray__limits">{t('attach.count', { count: accepted, max: MAX_FILES, size: size(MAX_FILE_BYTES) })}</span>
    </div>
  )
}

function Chip({ item, size, reason, onRemove }: { item: UploadItem; size: string; reason: string | null; onRemove: (key: string) => void }) {
  const { t } = useTranslation()
  const failed = item.status === 'error'
  const pct = Math.round(item.progress * 100)
  return (
    <div
      className={`att-chip att-chip--${item.status}`}
      role="listitem"
      data-testid="attachment-chip"
      data-status={item.status}
      title={reason ?? item.name}
    >
      <span className="att-chip__icon">
        {failed ? <IconAlert size={20} /> : item.preview ? <img src={item.preview} alt="" /> : <KindIcon type={item.type} />}
      </span>
      <span className="att-chip__text">
        <span className="att-chip__name">{item.name}</span>
        {failed ? (
          <span className="att-chip__error" role="alert" data-testid="attachment-error">
            {reason}
          </span>
        ) : (
          <span className="att-chip__size">
            {item.status === 'uploading' ? t('attach.uploading', { pct, size }) : size}
          </span>
        )}
      </span>
      {item.status === 'uploading' && (
        <span className="att-chip__bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label={t('attach.progress', { name: item.name })}>
          <span style={{ width: `${pct}%` }} />
        </span>
      )}
      <button
        type="button"
        className="att-chip__remove"
        data-testid="attachment-remove"
        aria-label={t('attach.remove', { name: item.name })}
        title={t('attach.remove', { name: item.name })}
        onPointerDown={(e) => e.preventDefault()}
        onClick={() => onRemove(item.key)}
      >
        <IconClose size={16} />
      </button>
    </div>
  )
}

function SnippetChip({ file, size, onRemove }: { file: PickedSnippetFile; size: string; onRemove?: (id: string) => void }) {
  const { t } = useTranslation()
  // In the composer: which snippet it came with; in the snippet editor: just its size.
  const from = file.snippetName ? t('composerTools.snippetFiles.from', { name: file.snippetName }) : null
  return (
    <div
      className={`att-chip att-chip--done ${from ? 'att-chip--snippet' : ''}`}
      role="listitem"
      data-testid="snippet-file-chip"
      title={from ? `${file.filename} · ${from}` : file.filename}
    >
      <span className="att-chip__icon">
        <KindIcon type={file.media_type} />
      </span>
      <span className="att-chip__text">
        <span className="att-chip__name">{file.filename}</span>
        {from ? (
          <span className="att-chip__size att-chip__from">
            <IconTemplate size={12} />
            {size} · {from}
          </span>
        ) : (
          <span className="att-chip__size">{size}</span>
        )}
      </span>
      {onRemove && (
        <button
          type="button"
          className="att-chip__remove"
          data-testid="snippet-file-remove"
          aria-label={t('composerTools.snippetFiles.remove', { name: file.filename })}
          title={t('composerTools.snippetFiles.remove', { name: file.filename })}
          onPointerDown={(e) => e.preventDefault()}
          onClick={() => onRemove(file.id)}
        >
          <IconClose size={16} />
        </button>
      )}
    </div>
  )
}
