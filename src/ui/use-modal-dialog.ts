import type React from 'react';
import { useEffect, useRef } from 'react';

type ModalDialogOptions = {
  /** Gets focus when the dialog opens (its first field, or its Close button). */
  initialFocus?: React.RefObject<HTMLElement | null>;
  /**
   * Gets focus back when the dialog closes. By default, whatever had focus when it
   * opened; a dialog opened by a click passes its opener, since Safari does not focus a
   * button that is clicked.
   */
  returnFocusTo?: HTMLElement | null;
};

/**
 * Shows a mounted <dialog> as a modal: the top layer, the page inert behind it, focus
 * kept inside. On unmount it closes it and gives focus back (without scrolling, as a
 * native dialog does), unless it was closed with `closeKeepingFocus` because the caller
 * moves focus on purpose (a jump to a post).
 */
export function useModalDialog(
  dialogRef: React.RefObject<HTMLDialogElement | null>,
  { initialFocus, returnFocusTo }: ModalDialogOptions = {},
): { closeKeepingFocus: () => void } {
  const keep = useRef(false);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const returnTo = returnFocusTo === undefined ? active : returnFocusTo;
    keep.current = false;
    // jsdom (and very old engines) lack showModal: an open, non-modal dialog still works.
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else {
      dialog.setAttribute('open', '');
    }
    initialFocus?.current?.focus();
    return () => {
      closeDialog(dialog);
      if (!keep.current && returnTo?.isConnected) returnTo.focus({ preventScroll: true });
    };
  }, [dialogRef, initialFocus, returnFocusTo]);
  return {
    // Closes at once, so the page is no longer inert and the caller can focus into it.
    closeKeepingFocus: () => {
      keep.current = true;
      if (dialogRef.current) closeDialog(dialogRef.current);
    },
  };
}

function closeDialog(dialog: HTMLDialogElement): void {
  if (typeof dialog.close === 'function' && dialog.open) dialog.close();
  else dialog.removeAttribute('open');
}

/**
 * Esc closes: handled on keydown (for engines without the native `cancel`), where the
 * key stops (it was the dialog's), and on cancel.
 */
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
