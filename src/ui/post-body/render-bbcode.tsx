import type React from 'react';
import type { ReactNode } from 'react';
import type { AttachmentNode, BbNode, QuoteNode } from '../../lib/bbcode/ast';
import { formatDateTime } from '../../lib/format/format';
import { useScriptStyle, useShownZone } from '../server-render';
import { BbImage } from './bb-image';
import { CodeBlock } from './code-block';
import { YoutubeFacade } from './youtube-facade';

// AST → React elements. Only elements and attributes listed here can come out: no
// raw HTML, no event handlers, and style values only from the parser's allow-lists.
// Recursion depth is bounded by the parser's MAX_DEPTH (plus a few wrappers).

export type RenderContext = {
  attachment: (node: AttachmentNode, key: number) => ReactNode;
  attachmentsDeleted: (key: number) => ReactNode;
};

const EXTERNAL_REL = 'ugc nofollow noopener noreferrer';

// An override, embedding or isolate (U+202A–U+202E, U+2066–U+2068) runs to its closing
// mark (U+202C, U+2069) or, left open, to the end of its word: isolated there (<bdi>), it
// cannot reverse the rest of the line, as an open one otherwise does to the paragraph's end.
// The closing mark is looked for in the next 300 characters only, so that a body of many
// open marks still takes linear time.
const BIDI_RUN = /([\u202a-\u202e\u2066-\u2068](?:[^\u202c\u2069\n]{0,300}?[\u202c\u2069]|\S*))/;

export function renderBbcode(nodes: readonly BbNode[], ctx: RenderContext): ReactNode[] {
  return nodes.map((node, i) => renderNode(node, i, ctx));
}

/** A span with an author's colour or font: set by script, as the CSP allows (see useScriptStyle). */
function ScriptStyled({ className, style, children }: { className?: string; style: React.CSSProperties; children: ReactNode }) {
  return (
    <span className={className} style={useScriptStyle(style)}>
      {children}
    </span>
  );
}

function Quote({ node, children }: { node: QuoteNode; children: ReactNode }): React.JSX.Element {
  const zone = useShownZone();
  const date = node.date !== null ? new Date(node.date * 1000) : null;
  const when =
    date && !Number.isNaN(date.getTime()) ? (
      <>
        {' on '}
        <time dateTime={date.toISOString()}>{formatDateTime(date.toISOString(), undefined, zone)}</time>
      </>
    ) : null;
  const cite = node.author ? (
    <>
      {/* dir=auto isolates the name (a U+202E in it cannot turn the date around). */}
      Quote from: <cite dir="auto">{node.author}</cite>
      {when}
    </>
  ) : (
    <>
      Quote{when}
    </>
  );
  return (
    <blockquote className="bb-quote">
      <div className="bb-quote__cite">{node.href ? <a href={node.href}>{cite}</a> : cite}</div>
      {children}
    </blockquote>
  );
}

function renderNode(node: BbNode, key: number, ctx: RenderContext): ReactNode {
  const kids = (): ReactNode[] | null => ('children' in node ? renderBbcode(node.children, ctx) : null);
  switch (node.type) {
    case 'text': {
      const runs = node.text.split(BIDI_RUN);
      return runs.length < 2 ? node.text : runs.map((run, i) => (i % 2 ? <bdi key={i}>{run}</bdi> : run));
    }
    case 'br':
      return <br key={key} />;
    case 'hr':
      return <hr key={key} className="bb-hr" />;
    case 'smiley':
      return (
        <span key={key} className="bb-smiley" role="img" aria-label={node.label} title={node.code}>
          {node.emoji}
        </span>
      );
    case 'paragraph':
      return (
        <p key={key} dir="auto">
          {kids()}
        </p>
      );
    case 'style': {
      const Tag = node.tag;
      return <Tag key={key}>{kids()}</Tag>;
    }
    case 'color':
      return (
        // The stylesheet turns it into a colour readable on the current theme (see .bb-color).
        <ScriptStyled key={key} className="bb-color" style={{ '--author-color': node.color } as React.CSSProperties}>
          {kids()}
        </ScriptStyled>
      );
    case 'size':
      return (
        <span key={key} className={`bb-size bb-size-${node.size}`}>
          {kids()}
        </span>
      );
    case 'font':
      return (
        <ScriptStyled key={key} style={{ fontFamily: node.family }}>
          {kids()}
        </ScriptStyled>
      );
    case 'link':
      return (
        <a key={key} className="bb-link" href={node.href} rel={node.external ? EXTERNAL_REL : undefined}>
          {kids()}
        </a>
      );
    case 'align':
      return (
        <div key={key} className={`bb-align bb-align--${node.align}`}>
          {kids()}
        </div>
      );
    case 'dir':
      return (
        <div key={key} dir={node.dir}>
          {kids()}
        </div>
      );
    case 'me':
      return (
        <div key={key} className="bb-me" dir="auto">
          * {node.name} {kids()}
        </div>
      );
    case 'pre':
      return (
        <pre key={key} className="bb-pre">
          {kids()}
        </pre>
      );
    case 'code':
      return <CodeBlock key={key} lang={node.lang} text={node.text} />;
    case 'quote':
      return (
        <Quote key={key} node={node}>
          {kids()}
        </Quote>
      );
    case 'list': {
      const className = node.style ? `bb-list bb-list--${node.style}` : 'bb-list';
      return node.ordered ? (
        <ol key={key} className={className}>
          {kids()}
        </ol>
      ) : (
        <ul key={key} className={className}>
          {kids()}
        </ul>
      );
    }
    case 'listItem':
      return (
        <li key={key} dir="auto">
          {kids()}
        </li>
      );
    case 'table':
      return (
        // Focusable: a wide table scrolls sideways inside this box on a phone.
        <div key={key} className="bb-table-wrap" tabIndex={0}>
          <table className="bb-table">
            <tbody>{kids()}</tbody>
          </table>
        </div>
      );
    case 'tableRow':
      return <tr key={key}>{kids()}</tr>;
    case 'tableCell':
      return node.header ? (
        <th key={key} dir="auto">
          {kids()}
        </th>
      ) : (
        <td key={key} dir="auto">
          {kids()}
        </td>
      );
    case 'image':
      return <BbImage key={key} src={node.src} alt={node.alt} width={node.width} height={node.height} />;
    case 'attachment':
      return ctx.attachment(node, key);
    case 'attachmentDeleted':
      return ctx.attachmentsDeleted(key);
    case 'youtube':
      return <YoutubeFacade key={key} videoId={node.videoId} />;
  }
}
