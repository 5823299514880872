import type React from 'react';
import { useEffect, useRef } from 'react';

/**
 * Shows a mounted <dialog> as a modal (top layer, the page inert behind it, focus kept
 * inside) and, on unmount, closes it and gives focus back to where it was, unless it was
 * closed with `closeKeepingFocus` because the caller moves focus on purpose (a jump to a post).
 */
export function useModalDialog(
  dialogRef: React.RefObject<HTMLDialogElement | null>,
  initialFocusRef?: React.RefObject<HTMLElement | null>,
): { closeKeepingFocus: () => void } {
  const keep = useRef(false);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    keep.current = false;
    // jsdom (and very old engines) lack showModal: an open, non-modal dialog still works.
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else {
      dialog.setAttribute('open', '');
    }
    initialFocusRef?.current?.focus();
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
      else dialog.removeAttribute('open');
      if (!keep.current && returnTo?.isConnected) returnTo.focus({ preventScroll: true });
    };
  }, [dialogRef, initialFocusRef]);
  return {
    // Closes at once, so the page is no longer inert and the caller can focus into it.
    closeKeepingFocus: () => {
      keep.current = true;
      const dialog = dialogRef.current;
      if (dialog && typeof dialog.close === 'function' && dialog.open) dialog.close();
      else dialog?.removeAttribute('open');
    },
  };
}

/** Esc closes: handled on keydown (for engines without the native `cancel`) and on cancel. */
export function dialogCloseHandlers(onClose: () => void) {
  return {
    onKeyDown: (event: React.KeyboardEvent<HTMLDialogElement>) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }
    },
    // The browser's own Esc handling: let React decide, so state and the DOM agree.
    onCancel: (event: React.SyntheticEvent<HTMLDialogElement>) => {
      event.preventDefault();
      onClose();
    },
  };
}
