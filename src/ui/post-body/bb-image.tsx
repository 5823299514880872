import type React from 'react';
import { useState } from 'react';
import { replayFailure } from '../replay-failure';

type BbImageProps = { src: string; alt: string | null; width: number | null; height: number | null };

/**
 * An `[img]`: an image from anywhere on the web. One that fails to load shows the same card
 * as a broken attachment, with a link to where it was, instead of the browser's broken-image
 * glyph. Without a width and height its box is reserved in CSS (post-body.css), so the words
 * below do not jump when it arrives.
 */
export function BbImage({ src, alt, width, height }: BbImageProps): React.JSX.Element {
  const [broken, setBroken] = useState(false);
  return broken ? (
    <span className="att att--file att--broken">
      <span className="icon icon--broken" aria-hidden="true" />
      <span className="att__body">
        <a className="att__name" href={src} rel="ugc nofollow noopener noreferrer">
          {alt ?? src}
        </a>
        <span className="att__meta">This image could not be loaded</span>
      </span>
    </span>
  ) : (
    <img
      className="bb-img"
      src={src}
      alt={alt ?? 'Image'}
      width={width ?? undefined}
      height={height ?? undefined}
      loading="lazy"
      decoding="async"
      // Third-party hosts get no referrer: reading a post should not tell them where.
      referrerPolicy="no-referrer"
      onError={() => setBroken(true)}
      ref={replayFailure}
    />
  );
}
