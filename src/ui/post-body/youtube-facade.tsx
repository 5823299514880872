import type React from 'react';
import { useEffect, useRef, useState } from 'react';

const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;

/**
 * `[youtube]`: a placeholder that makes no request to YouTube (no thumbnail either)
 * until the reader asks for the video; only then the privacy-enhanced embed loads.
 */
export function YoutubeFacade({ videoId }: { videoId: string }): React.JSX.Element | null {
  const [active, setActive] = useState(false);
  const frameRef = useRef<HTMLIFrameElement>(null);

  useEffect(() => {
    // The play button has just gone; keep keyboard focus on the video.
    if (active) frameRef.current?.focus();
  }, [active]);

  // The parser validated the id already; checked again because it becomes part of a URL.
  if (!VIDEO_ID.test(videoId)) return null;

  if (active) {
    return (
      <div className="bb-youtube">
        <iframe
          ref={frameRef}
          className="bb-youtube__frame"
          src={`https://www.youtube-nocookie.com/embed/${videoId}?autoplay=1`}
          title="YouTube video player"
          allow="autoplay; encrypted-media; picture-in-picture; fullscreen"
          allowFullScreen
          referrerPolicy="strict-origin-when-cross-origin"
        />
      </div>
    );
  }
  return (
    <div className="bb-youtube bb-youtube--facade">
      <button type="button" className="bb-youtube__play" onClick={() => setActive(true)}>
        <span className="bb-youtube__icon" aria-hidden="true">
          ▶
        </span>
        Play YouTube video
      </button>
      <p className="bb-youtube__note">
        Playing loads it from YouTube.{' '}
        <a href={`https://www.youtube.com/watch?v=${videoId}`} rel="ugc nofollow noopener noreferrer">
          Open on YouTube
        </a>
      </p>
    </div>
  );
}
