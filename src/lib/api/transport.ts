// How the client reaches the API. In the browser that is fetch; the server renderer
// (server/render/) answers the reader's requests in-process from its own routes, with
// no HTTP hop, by putting its app's fetch here before rendering.
type Transport = (url: string, init: RequestInit) => Promise<Response>;

let transport: Transport = (url, init) => fetch(url, init);

export function apiTransport(url: string, init: RequestInit): Promise<Response> {
  return transport(url, init);
}

/** The server renderer's in-process API; never called in the browser. */
export function setApiTransport(next: Transport): void {
  transport = next;
}
