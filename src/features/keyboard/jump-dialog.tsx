import type React from 'react';
import { useId, useRef, useState } from 'react';
import { formatCount } from '../../lib/format/format';
import { dialogCloseHandlers, useModalDialog } from '../../ui/use-modal-dialog';
import { planJump, type JumpPlan, type PageView } from './post-jump';

type JumpDialogProps = {
  /** The page in view when `#` was pressed. */
  view: PageView;
  onJump: (number: number, plan: Exclude<JumpPlan, { kind: 'out-of-range' }>) => void;
  onClose: () => void;
};

/** `#`: asks for a post number, checks it against the topic, then hands it on. */
export function JumpDialog({ view, onJump, onClose }: JumpDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const { closeKeepingFocus } = useModalDialog(dialogRef, { initialFocus: inputRef });
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ids = { title: useId(), hint: useId(), error: useId(), input: useId() };
  const total = view.total;
  const range = total !== null ? `${formatCount(1)} to ${formatCount(total)}` : null;

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const raw = value.trim().replace(/^#/, '');
    const number = /^\d{1,15}$/.test(raw) ? Number(raw) : Number.NaN;
    const plan = planJump(number, view);
    if (plan.kind === 'out-of-range') {
      const max = plan.max ?? total;
      const known = max !== null ? `: this topic has posts ${formatCount(1)} to ${formatCount(max)}` : ' in this topic';
      setError(Number.isNaN(number) ? `Enter a post number${range ? ` from ${range}` : ''}.` : `There is no post ${raw}${known}.`);
      inputRef.current?.focus();
      inputRef.current?.select();
      return;
    }
    closeKeepingFocus();
    onJump(number, plan);
  };

  return (
    <dialog ref={dialogRef} className="kbd-dialog kbd-dialog--narrow" aria-labelledby={ids.title} {...dialogCloseHandlers(onClose)}>
      <form onSubmit={onSubmit} noValidate>
        <h2 id={ids.title} className="kbd-dialog__title">
          Go to post
        </h2>
        <label htmlFor={ids.input} className="kbd-field__label">
          Post number
        </label>
        <input
          ref={inputRef}
          id={ids.input}
          className="kbd-field__input"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          enterKeyHint="go"
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={[range ? ids.hint : null, error ? ids.error : null].filter(Boolean).join(' ') || undefined}
        />
        {range ? (
          <p id={ids.hint} className="kbd-field__hint">
            Posts {range}
          </p>
        ) : null}
        {/* role=alert: the reason is spoken at once, while focus stays in the field. */}
        <p id={ids.error} className="kbd-field__error" role="alert">
          {error}
        </p>
        <div className="kbd-dialog__actions">
          <button type="button" className="kbd-dialog__button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="kbd-dialog__button kbd-dialog__button--primary">
            Go
          </button>
        </div>
      </form>
    </dialog>
  );
}
