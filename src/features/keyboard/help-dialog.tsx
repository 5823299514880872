import { useId, useRef } from 'react';
import { dialogCloseHandlers, useModalDialog } from '../../ui/use-modal-dialog';
import { KEY_NAMES, SHORTCUTS } from './shortcut-list';

/** `?`: every shortcut, in a modal dialog. Esc or the Close button closes it. */
export function HelpDialog({ onClose, hasSearch }: { onClose: () => void; hasSearch: boolean }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useModalDialog(dialogRef, { initialFocus: closeRef });
  const shortcuts = SHORTCUTS.filter((shortcut) => hasSearch || !shortcut.needsSearch);
  return (
    <dialog ref={dialogRef} className="kbd-dialog" aria-labelledby={titleId} {...dialogCloseHandlers(onClose)}>
      <div className="kbd-dialog__header">
        <h2 id={titleId} className="kbd-dialog__title">
          Keyboard shortcuts
        </h2>
        <button ref={closeRef} type="button" className="kbd-dialog__button" onClick={onClose}>
          Close
        </button>
      </div>
      <dl className="kbd-list">
        {shortcuts.map((shortcut) => (
          <div key={shortcut.does} className="kbd-list__row">
            <dt className="kbd-list__keys">
              {shortcut.ways.map((way, wayIndex) => (
                <span key={way.join(' ')}>
                  {wayIndex > 0 ? <span className="kbd-list__joiner"> or </span> : null}
                  {way.map((key, keyIndex) => (
                    <span key={key}>
                      {keyIndex > 0 ? <span className="kbd-list__joiner"> then </span> : null}
                      <Key name={key} />
                    </span>
                  ))}
                </span>
              ))}
            </dt>
            <dd className="kbd-list__does">{shortcut.does}</dd>
          </div>
        ))}
      </dl>
      <p className="kbd-dialog__note">Shortcuts wait while you type in a field.</p>
    </dialog>
  );
}

// Symbols such as "[" or "#" are skipped by screen readers at their usual punctuation
// level: say the key's name to them instead.
function Key({ name }: { name: string }) {
  const spoken = KEY_NAMES[name];
  return (
    <kbd>
      {spoken ? (
        <>
          <span aria-hidden="true">{name}</span>
          <span className="visually-hidden">{spoken}</span>
        </>
      ) : (
        name
      )}
    </kbd>
  );
}
