import type React from 'react';
import { useEffect, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

/** `[code]` / `[code=lang]`: verbatim text, scrolling inside itself, with a copy button. */
export function CodeBlock({ lang, text }: { lang: string | null; text: string }): React.JSX.Element {
  const [copy, setCopy] = useState<CopyState>('idle');

  useEffect(() => {
    if (copy === 'idle') return;
    const t = setTimeout(() => setCopy('idle'), 2000);
    return () => clearTimeout(t);
  }, [copy]);

  const onCopy = async () => {
    try {
      // Absent outside secure contexts; the throw lands in the catch.
      await navigator.clipboard.writeText(text);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  return (
    <figure className="bb-code">
      <figcaption className="bb-code__header">
        <span className="bb-code__lang">{lang ?? 'Code'}</span>
        <button type="button" className="bb-code__copy" aria-label="Copy code" onClick={() => void onCopy()}>
          {copy === 'copied' ? 'Copied' : 'Copy'}
        </button>
        <span role="status" className="post-body-sr-only">
          {copy === 'copied' ? 'Code copied' : copy === 'failed' ? 'Could not copy the code' : ''}
        </span>
      </figcaption>
      {/* Focusable so keyboard users can scroll a long line sideways. */}
      <pre className="bb-code__pre" tabIndex={0}>
        <code>{text}</code>
      </pre>
    </figure>
  );
}
