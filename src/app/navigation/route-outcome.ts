// How a page's loader says "not here": go elsewhere, or there is nothing. Kept apart
// from the navigator and the views so both can use them without importing each other.

/** Returned by a loader: go to `to` instead, replacing this address. */
export class RouteRedirect {
  constructor(readonly to: string) {}
}

/** Thrown for an address the reader has no page for. */
export class RouteNotFound extends Error {
  constructor() {
    super('Not found');
    this.name = 'RouteNotFound';
  }
}

export function isRouteNotFound(error: unknown): error is RouteNotFound {
  return error instanceof RouteNotFound;
}
