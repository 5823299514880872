import { Component, type ReactNode } from 'react';

type Props = { children: ReactNode; fallback?: ReactNode };
type State = { failed: boolean };

/**
 * Around a part of a page that loads its code on demand and that the page can do
 * without (keyboard shortcuts, the lightbox, the topic's footer…): if it fails (its
 * chunk does not download offline, say), the page stays and shows `fallback` in its
 * place, rather than an error page replacing what the reader was reading.
 */
export class Optional extends Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.warn('[lectern] part of the page could not be shown', error);
  }

  override render(): ReactNode {
    return this.state.failed ? (this.props.fallback ?? null) : this.props.children;
  }
}
