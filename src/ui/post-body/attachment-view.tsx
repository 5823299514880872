import type React from 'react';
import type { Attachment } from '../../lib/api/schemas';
import { attachmentDisplay, fileIcon, formatBytes, formatDownloads } from './attachment-display';

type AttachmentViewProps = {
  /** undefined: an `[attach]` naming an attachment the post does not have. */
  attachment: Attachment | undefined;
  id: number;
  broken: boolean;
  onBroken: (id: number) => void;
  onOpen: (id: number, opener: HTMLElement) => void;
};

const STATUS_TEXT = {
  pending: 'Awaiting approval',
  restricted: 'You cannot view this attachment',
  deleted: 'Deleted by an administrator',
  unavailable: 'Unavailable',
} as const;

const STATUS_ICON = { pending: '⏳', restricted: '🔒', deleted: '🗑️', unavailable: '🚫' } as const;

/** One attachment, inline or in the list under the post, in whichever state it is. */
export function AttachmentView({
  attachment,
  id,
  broken,
  onBroken,
  onOpen,
}: AttachmentViewProps): React.JSX.Element {
  const display = attachmentDisplay(attachment);
  // Never the name typed in `[attach id=N]name[/attach]`: beside a status line it would read
  // as the forum's own words about a file that may never have existed.
  const name = attachment?.name || `Attachment ${id}`;

  if (display.kind === 'image' && !broken) {
    const { width, height } = display;
    return (
      <figure className="att att--image">
        <button
          type="button"
          className="att__open"
          aria-haspopup="dialog"
          onClick={(e) => onOpen(id, e.currentTarget)}
        >
          <img
            className="att__img"
            src={display.src}
            alt={name}
            // Numbers only, from the contract: with them the browser reserves the image's box
            // before it loads (no style attribute needed, which the CSP would drop from the
            // server's HTML).
            width={width ?? undefined}
            height={height ?? undefined}
            loading="lazy"
            decoding="async"
            // A server may send another host's address: that host learns nothing of the page.
            referrerPolicy="no-referrer"
            onError={() => onBroken(id)}
          />
        </button>
        <figcaption className="att__caption">{name}</figcaption>
      </figure>
    );
  }

  if (display.kind === 'file' || display.kind === 'image') {
    const href = display.kind === 'file' ? display.href : display.full;
    const meta = [
      attachment?.sizeBytes != null ? formatBytes(attachment.sizeBytes) : null,
      attachment?.downloads != null ? formatDownloads(attachment.downloads) : null,
    ].filter((m): m is string => m !== null);
    return (
      <div className={broken ? 'att att--file att--broken' : 'att att--file'}>
        <span className="att__icon" aria-hidden="true">
          {broken ? '⚠️' : fileIcon(name, attachment?.mimeType)}
        </span>
        <span className="att__body">
          <a
            className="att__name"
            href={href}
            download={broken ? undefined : name}
            // A file on another host learns nothing of the page, nor gets a handle on it.
            rel={href.startsWith('/') ? undefined : 'noopener noreferrer'}
          >
            {name}
          </a>
          {broken && <span className="att__meta">This image could not be loaded</span>}
          {meta.length > 0 && <span className="att__meta">{meta.join(' · ')}</span>}
        </span>
      </div>
    );
  }

  return (
    <div className={`att att--status att--${display.kind}`}>
      <span className="att__icon" aria-hidden="true">
        {STATUS_ICON[display.kind]}
      </span>
      <span className="att__body">
        <span className="att__name">{name}</span>
        <span className="att__meta">{STATUS_TEXT[display.kind]}</span>
      </span>
    </div>
  );
}

/** SMF's `[attachment deleted by admin]` line: the purged files, names unknown. */
export function DeletedAttachmentsNotice(): React.JSX.Element {
  return (
    <div className="att att--status att--deleted">
      <span className="att__icon" aria-hidden="true">
        {STATUS_ICON.deleted}
      </span>
      <span className="att__body">
        <span className="att__name">Attachment</span>
        <span className="att__meta">{STATUS_TEXT.deleted}</span>
      </span>
    </div>
  );
}
