import { useState } from 'react';
import type { Author } from '../lib/api/schemas';
import { sanitizeUrl } from '../lib/bbcode/url';
import { replayFailure } from './replay-failure';
import { useScriptStyle } from './server-render';
import { clampText } from './untrusted-text';

function initials(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [words[0] ?? '?'];
  return letters.map((word) => Array.from(word ?? '?')[0]?.toUpperCase() ?? '').join('');
}

// A stable hue per name, so a member keeps their colour on every page.
function hue(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) % 360;
  return hash;
}

/** The author's picture, or their initials when they have none or it fails to load. */
export function Avatar({ author, size = 48 }: { author: Author; size?: number }) {
  const [failed, setFailed] = useState(false);
  // Clamped first: both walk the whole name, and a name of a megabyte took 45 ms per post.
  const name = clampText(author.name);
  // The initials' size comes from the stylesheet; the member's hue is set by script (see useScriptStyle).
  const style = useScriptStyle({ '--avatar-hue': hue(name) } as React.CSSProperties);
  // The forum's data like any other URL: only http(s) and same-origin paths load.
  const src = author.avatarUrl && sanitizeUrl(author.avatarUrl, 'resource');
  if (src && !failed) {
    return (
      <img
        className="avatar"
        src={src}
        alt=""
        // Avatars are often hosted elsewhere; that host need not learn which topic is read.
        referrerPolicy="no-referrer"
        width={size}
        height={size}
        loading="lazy"
        decoding="async"
        onError={() => setFailed(true)}
        ref={replayFailure}
      />
    );
  }
  return (
    <span className="avatar avatar-initials" aria-hidden="true" style={style}>
      {initials(name)}
    </span>
  );
}
