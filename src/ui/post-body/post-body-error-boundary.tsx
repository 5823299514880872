import type React from 'react';
import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { PART_CHARS } from '../../lib/bbcode/parse';

type Props = { body: string; children: ReactNode };
type State = { failed: boolean; body: string };

/**
 * One post that cannot be rendered must not take the page down: show its raw text
 * instead. Tied to the body, so an edited post gets a fresh attempt.
 */
export class PostBodyErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, body: this.props.body };

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.body === state.body ? null : { failed: false, body: props.body };
  }

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Still reported: a renderer bug should reach the console and any error tracking.
    console.error('PostBody failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? <PostBodyFallback body={this.props.body} /> : this.props.children;
  }
}

function PostBodyFallback({ body }: { body: string }): React.JSX.Element {
  return (
    <div className="post-body post-body--failed" dir="auto">
      {/* What happened, then what the reader can still do: read it as written. */}
      <p className="post-body__error">
        <strong>This post could not be displayed</strong> Its text as written:
      </p>
      {/* Its first part only: a megabyte of text is no quicker to lay out than to render. */}
      <pre className="post-body__raw">{body.slice(0, PART_CHARS)}</pre>
    </div>
  );
}
