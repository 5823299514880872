/**
 * A ref for images with an `onError` fallback (post images, avatars). An image of the
 * server's HTML can fail before React hydrates the page, and React does not replay that
 * `error` event, so the fallback would never come. Asking for the same address again fires
 * the event once more, now heard. (A lazy image not yet fetched is not `complete`, so this
 * costs nothing for those.)
 */
export function replayFailure(image: HTMLImageElement | null): void {
  // Setting the attribute, even to its own value, makes the browser load the image again.
  if (image?.complete && !image.naturalWidth) image.setAttribute('src', image.src);
}
