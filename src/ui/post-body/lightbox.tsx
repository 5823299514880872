import type React from 'react';
import { useRef } from 'react';
import { dialogCloseHandlers, useModalDialog } from '../use-modal-dialog';

export type LightboxImage = { id: number; name: string; src: string };

type LightboxProps = {
  images: readonly LightboxImage[];
  index: number;
  onIndexChange: (index: number) => void;
  onClose: () => void;
  /** Gets focus back when the lightbox closes (the thumbnail that opened it). */
  returnFocusTo: HTMLElement | null;
};

/**
 * A post's images, one at a time, in a native modal <dialog> (top layer, inert page,
 * focus kept inside). Esc closes; ← and → step through the post's images.
 */
export function Lightbox({ images, index, onIndexChange, onClose, returnFocusTo }: LightboxProps): React.JSX.Element | null {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  useModalDialog(dialogRef, { initialFocus: closeRef, returnFocusTo });
  const closeHandlers = dialogCloseHandlers(onClose);

  const image = images[index];
  if (!image) return null;
  const count = images.length;
  const step = (delta: number) => onIndexChange((index + delta + count) % count);

  const onKeyDown = (e: React.KeyboardEvent<HTMLDialogElement>) => {
    if (e.key === 'ArrowRight' && count > 1) {
      e.preventDefault();
      step(1);
    } else if (e.key === 'ArrowLeft' && count > 1) {
      e.preventDefault();
      step(-1);
    } else {
      closeHandlers.onKeyDown(e);
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="lightbox"
      aria-label={image.name}
      onKeyDown={onKeyDown}
      onCancel={closeHandlers.onCancel}
      // A click on the backdrop lands on the dialog itself.
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <button ref={closeRef} type="button" className="lightbox__close" aria-label="Close" onClick={onClose}>
        ×
      </button>
      <figure className="lightbox__figure">
        <img className="lightbox__img" src={image.src} alt={image.name} decoding="async" referrerPolicy="no-referrer" />
        <figcaption className="lightbox__caption">
          {image.name}
          {count > 1 && (
            <span className="lightbox__count">
              {' '}
              ({index + 1} of {count})
            </span>
          )}
        </figcaption>
      </figure>
      {count > 1 && (
        <>
          <button type="button" className="lightbox__nav lightbox__nav--prev" aria-label="Previous image" onClick={() => step(-1)}>
            ‹
          </button>
          <button type="button" className="lightbox__nav lightbox__nav--next" aria-label="Next image" onClick={() => step(1)}>
            ›
          </button>
        </>
      )}
    </dialog>
  );
}
