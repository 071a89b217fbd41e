'use client';

import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Button, type ButtonSize, type ButtonVariant } from './button';
import { cn } from './cn';
import { SubmitButton } from './submit-button';

export type DialogProps = {
  open: boolean;
  /** Called on Esc, on the close button and after `open` turns false; keep your `open` state in sync here. */
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  className?: string;
  children?: ReactNode;
};

/** A modal on the native `<dialog>`: showModal() gives focus trapping, Esc, inertness and focus return for free. */
export function Dialog({ open, onClose, title, description, className, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={onClose}
      className={cn(
        'm-auto w-[calc(100%-2rem)] max-w-lg rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50',
        className,
      )}
    >
      <h2 id={titleId} className="px-5 pt-5 pr-12 text-lg font-semibold">
        {title}
      </h2>
      {description ? (
        <div id={descriptionId} className="px-5 pt-2 text-sm text-slate-600">
          {description}
        </div>
      ) : null}
      <div className="px-5 pt-4 pb-5">{children}</div>
      {/* Last in the DOM so showModal() focuses the first field or Cancel rather than this; it sits top-right visually. */}
      <button type="button" onClick={onClose} aria-label="Close" className="absolute top-4 right-4 rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900">
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="currentColor">
          <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
        </svg>
      </button>
    </dialog>
  );
}

export type ConfirmDialogProps = {
  triggerLabel: ReactNode;
  triggerVariant?: ButtonVariant;
  triggerSize?: ButtonSize;
  triggerDisabled?: boolean;
  title: ReactNode;
  description?: ReactNode;
  confirmLabel?: ReactNode;
  cancelLabel?: ReactNode;
  tone?: 'danger' | 'primary';
  /**
   * A server action (or any form action); it receives `fields` plus whatever `children` render. Resolving to
   * `false` keeps the dialog open, e.g. to show a field's error beside it.
   */
  action?: (formData: FormData) => unknown;
  /** Client-side alternative to `action`. */
  onConfirm?: () => unknown;
  /** Hidden inputs submitted with the form, e.g. `{ partnerId }`. */
  fields?: Record<string, string>;
  /** Extra form controls shown above the buttons, e.g. a reason textarea. */
  children?: ReactNode;
  /** Called whenever the dialog closes (confirmed or not). */
  onClose?: () => void;
};

/**
 * A trigger button plus a confirmation modal whose "confirm" submits a real `<form action>`, so a server action
 * runs with the hidden `fields`, and the confirm button shows the pending state while it does.
 * Don't render it inside another form: forms cannot nest.
 */
export function ConfirmDialog({
  triggerLabel,
  triggerVariant,
  triggerSize = 'md',
  triggerDisabled,
  title,
  description,
  confirmLabel = 'Confirm',
  cancelLabel = 'Cancel',
  tone = 'primary',
  action,
  onConfirm,
  fields = {},
  children,
  onClose,
}: ConfirmDialogProps) {
  const [open, setOpen] = useState(false);
  const close = () => {
    setOpen(false);
    onClose?.();
  };

  async function confirm(formData: FormData) {
    const outcome = await (action ? action(formData) : onConfirm?.());
    if (outcome !== false) close();
  }

  return (
    <>
      <Button variant={triggerVariant ?? (tone === 'danger' ? 'danger' : 'primary')} size={triggerSize} disabled={triggerDisabled} onClick={() => setOpen(true)}>
        {triggerLabel}
      </Button>
      <Dialog open={open} onClose={close} title={title} description={description}>
        {/* Fields are checked by the action and their errors shown inline, like every other form: no browser bubbles. */}
        <form action={confirm} className="space-y-4" noValidate>
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {children}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={close}>
              {cancelLabel}
            </Button>
            <SubmitButton variant={tone === 'danger' ? 'danger' : 'primary'}>{confirmLabel}</SubmitButton>
          </div>
        </form>
      </Dialog>
    </>
  );
}
