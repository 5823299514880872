import { Component, type ReactNode } from 'react';

type Props = { resetKey: string; fallback: (error: unknown) => ReactNode; children: ReactNode };
type State = { error: unknown; failedAt: string | null };

/**
 * A route's error boundary: a loader or view that fails shows `fallback` in its place,
 * and the next navigation (a new `resetKey`) tries afresh.
 */
export class RouteErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, failedAt: null };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error, failedAt: null };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    // The error belongs to the navigation it happened in; a new one starts clean.
    if (state.failedAt === null && state.error !== null) return { failedAt: props.resetKey };
    if (state.failedAt !== null && state.failedAt !== props.resetKey) return { error: null, failedAt: null };
    return null;
  }

  override render() {
    return this.state.failedAt !== null || this.state.error !== null ? this.props.fallback(this.state.error) : this.props.children;
  }
}
