import type React from 'react';
import type { Attachment } from '../../lib/api/schemas';
import { pluralize } from '../../lib/format/format';
import { attachmentDisplay, fileKind, formatBytes, formatDownloads, shownSize } from './attachment-display';
import { replayFailure } from '../replay-failure';

type AttachmentViewProps = {
  /** undefined: an `[attach]` naming an attachment the post does not have. */
  attachment: Attachment | undefined;
  id: number;
  /** Placed in the body: the size its `[attach]` asked for (nulls when none). Absent: a tile in the list under the post. */
  inline?: { width: number | null; height: number | null };
  broken: boolean;
  onBroken: (id: number) => void;
  onOpen: (id: number, opener: HTMLElement) => void;
};

// Each in words a reader knows, not the forum's jargon; each state also has its own look
// (post-body.css) and icon (icon.css), named after the state.
const STATUS_TEXT = {
  pending: 'Waiting for a moderator to approve it',
  restricted: 'You don’t have permission to open this file',
  deleted: 'Removed by an administrator',
  unavailable: 'This file is not available',
} as const;

/** One attachment, inline or in the list under the post, in whichever state it is. */
export function AttachmentView({
  attachment,
  id,
  inline,
  broken,
  onBroken,
  onOpen,
}: AttachmentViewProps): React.JSX.Element {
  const display = attachmentDisplay(attachment);
  // Never the name typed in `[attach id=N]name[/attach]`: beside a status line it would read
  // as the forum's own words about a file that may never have existed.
  const name = attachment?.name || `Attachment ${id}`;
  const size = attachment?.sizeBytes != null ? formatBytes(attachment.sizeBytes) : null;
  const downloads = attachment?.downloads;

  if (display.kind === 'image' && !broken) {
    const { width, height } = display;
    // Inline: the full image, at its own size or the one its tag asks for, within a box that
    // leaves the post's words on the first screen. Listed: the thumbnail, as a tile.
    const [w, h] =
      width && height
        ? inline
          ? inline.width || inline.height
            ? shownSize(width, height, inline.width ?? 4000, inline.height ?? 4000)
            : shownSize(width, height, 560, 360)
          : shownSize(width, height, 144, 112)
        : [];
    return (
      <figure className={inline ? 'att att--image' : 'att att--image att--tile'}>
        <button
          type="button"
          className="att__open"
          aria-haspopup="dialog"
          onClick={(e) => onOpen(id, e.currentTarget)}
        >
          <img
            className="att__img"
            src={inline ? display.full : display.thumb}
            alt={name}
            // Numbers only: with them the browser reserves the image's box before it loads
            // (no style attribute needed, which the CSP would drop from the server's HTML).
            width={w}
            height={h}
            loading="lazy"
            decoding="async"
            // A server may send another host's address: that host learns nothing of the page.
            referrerPolicy="no-referrer"
            onError={() => onBroken(id)}
            ref={replayFailure}
          />
        </button>
        {/* As SMF shows it: the name, then the image's own size, its weight and its views. */}
        <figcaption className="att__caption">
          <span className="att__name">{name}</span>
          <span className="att__meta">
            {[width && height ? `${width} × ${height}` : null, size, downloads != null ? pluralize(downloads, 'view', 'views') : null]
              .filter(Boolean)
              .join(' · ')}
          </span>
        </figcaption>
      </figure>
    );
  }

  if (display.kind === 'file' || display.kind === 'image') {
    const href = display.kind === 'file' ? display.href : display.full;
    const meta = [fileKind(name), size, downloads != null ? formatDownloads(downloads) : null].filter(Boolean);
    return (
      <div className={broken ? 'att att--file att--broken' : 'att att--file'}>
        <span className={broken ? 'icon icon--broken' : 'icon icon--file'} aria-hidden="true" />
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

  return <StatusCard kind={display.kind} name={name} />;
}

/** An attachment the reader cannot open: its name, and why, in its state's own look. */
function StatusCard({ kind, name }: { kind: keyof typeof STATUS_TEXT; name: string }): React.JSX.Element {
  return (
    <div className={`att att--status att--${kind}`}>
      <span className={`icon icon--${kind}`} aria-hidden="true" />
      <span className="att__body">
        <span className="att__name">{name}</span>
        <span className="att__meta">{STATUS_TEXT[kind]}</span>
      </span>
    </div>
  );
}

/** SMF's `[attachment deleted by admin]` line: the purged files, names unknown. */
export function DeletedAttachmentsNotice(): React.JSX.Element {
  return <StatusCard kind="deleted" name="Attachment" />;
}
