import type React from 'react';
import { lazy, memo, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { Attachment, Post } from '../../lib/api/schemas';
import type { AttachmentNode, BbNode } from '../../lib/bbcode/ast';
import { parseBbcode } from '../../lib/bbcode/parse';
import { attachmentDisplay } from './attachment-display';
import { AttachmentView, DeletedAttachmentsNotice } from './attachment-view';
import type { LightboxImage } from './lightbox';
import { whenIdle } from '../../lib/idle';
import { Optional } from '../optional';
import { PostBodyErrorBoundary } from './post-body-error-boundary';
import type { RenderContext } from './render-bbcode';
import { renderBbcode } from './render-bbcode';
import '../icon.css';
import './post-body.css';

/**
 * A post's body (SMF BBCode) and, under it, the attachments the body did not place
 * inline. The caller renders the surrounding <article> and the post's header. A long body
 * is rendered a part at a time, one part a frame (see PART_CHARS), up to SHOWN_UNASKED
 * characters; then it says it is too long to show in full, and shows more on request.
 */
export function PostBody({ post }: { post: Post }): React.JSX.Element {
  return (
    <PostBodyErrorBoundary body={post.body}>
      {/* Keyed by the body: an edited post starts again from its first part. */}
      <PostBodyContent key={post.body} body={post.body} attachments={post.attachments} />
    </PostBodyErrorBoundary>
  );
}

/** How much of a body shows without asking: SMF's own default limit for a post. */
const SHOWN_UNASKED = 20_000;

/** One part of the body; memoised, so that showing the next part renders only that one. */
const BodyPart = memo(function BodyPart({ nodes, ctx }: { nodes: BbNode[]; ctx: RenderContext }) {
  return renderBbcode(nodes, ctx);
});

type Opened = { id: number; opener: HTMLElement };

// Only needed once an image is opened: its code stays off the way to the first post,
// and is fetched in the background as soon as a post has an image to open (so it is
// there offline too).
const loadLightbox = () => import('./lightbox');
const Lightbox = lazy(async () => ({ default: (await loadLightbox()).Lightbox }));

function PostBodyContent({ body, attachments }: { body: string; attachments: Attachment[] }): React.JSX.Element {
  const [parts, setParts] = useState(() => [parseBbcode(body)]);
  const [shownUnasked, setShownUnasked] = useState(SHOWN_UNASKED);
  const next = parts[parts.length - 1]?.next;
  const more = next && next.offset < shownUnasked;
  useEffect(() => {
    if (!more) return;
    // The next part in the next frame: each is laid out in a frame of its own, so no one
    // task grows with the length of the body.
    const frame = requestAnimationFrame(() => setParts((shown) => [...shown, parseBbcode(body, next)]));
    return () => cancelAnimationFrame(frame);
  }, [body, more, next]);
  const inlineIds = useMemo(() => parts.flatMap((part) => part.attachmentIds), [parts]);
  const [broken, setBroken] = useState<ReadonlySet<number>>(() => new Set());
  const [opened, setOpened] = useState<Opened | null>(null);

  const byId = useMemo(() => new Map(attachments.map((a) => [a.id, a])), [attachments]);
  const listed = useMemo(() => {
    const inline = new Set(inlineIds);
    return attachments.filter((a) => !inline.has(a.id));
  }, [attachments, inlineIds]);

  // The post's viewable images in reading order: placed inline first, then the list.
  const gallery = useMemo(() => {
    const out: LightboxImage[] = [];
    const add = (att: Attachment | undefined) => {
      if (!att || broken.has(att.id) || out.some((g) => g.id === att.id)) return;
      const d = attachmentDisplay(att);
      if (d.kind === 'image') out.push({ id: att.id, name: att.name, src: d.full });
    };
    inlineIds.forEach((id) => add(byId.get(id)));
    listed.forEach(add);
    return out;
  }, [inlineIds, byId, listed, broken]);

  const hasImages = gallery.length > 0;
  useEffect(() => {
    if (!hasImages) return;
    return whenIdle(() => void loadLightbox().catch(() => undefined));
  }, [hasImages]);

  const onBroken = useCallback((id: number) => {
    setBroken((prev) => (prev.has(id) ? prev : new Set(prev).add(id)));
  }, []);
  // By id, not index, so the rendered body does not depend on the gallery.
  const onOpen = useCallback((id: number, opener: HTMLElement) => setOpened({ id, opener }), []);
  const openIndex = opened ? gallery.findIndex((g) => g.id === opened.id) : -1;

  const ctx = useMemo(
    (): RenderContext => ({
      attachment: (node: AttachmentNode, key: number) => (
        <AttachmentView
          key={key}
          id={node.id}
          attachment={byId.get(node.id)}
          inline={node}
          broken={broken.has(node.id)}
          onBroken={onBroken}
          onOpen={onOpen}
        />
      ),
      attachmentsDeleted: (key: number) => <DeletedAttachmentsNotice key={key} />,
    }),
    [byId, broken, onBroken, onOpen],
  );

  return (
    <>
      <div className="post-body" dir="auto">
        {parts.map((part, i) => (
          <BodyPart key={i} nodes={part.children} ctx={ctx} />
        ))}
      </div>
      {/* Only past what shows unasked; then it stays, with its button (and focus), while
          the parts asked for arrive. */}
      {next && next.offset >= SHOWN_UNASKED && (
        <p className="post-body__more">
          This post is too long to show in full ({Math.floor((100 * next.offset) / body.length)}% shown).{' '}
          <button type="button" onClick={() => setShownUnasked(next.offset + SHOWN_UNASKED)}>
            Show the next part
          </button>
        </p>
      )}
      {listed.length > 0 && (
        <ul className="post-attachments" aria-label="Attachments">
          {listed.map((att, i) => (
            <li key={`${att.id}-${i}`} className="post-attachments__item">
              <AttachmentView
                id={att.id}
                attachment={att}
                broken={broken.has(att.id)}
                onBroken={onBroken}
                onOpen={onOpen}
              />
            </li>
          ))}
        </ul>
      )}
      {opened && openIndex >= 0 && (
        <Optional>
          <Suspense fallback={null}>
            <Lightbox
              images={gallery}
              index={openIndex}
              onIndexChange={(index) => setOpened({ ...opened, id: gallery[index]?.id ?? opened.id })}
              onClose={() => setOpened(null)}
              returnFocusTo={opened.opener}
            />
          </Suspense>
        </Optional>
      )}
    </>
  );
}
