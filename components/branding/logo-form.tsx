'use client';

import { useActionState, useState, type ChangeEvent, type FormEvent } from 'react';
import { FormField } from '@/components/ui/form-field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { ToastOnChange } from '@/components/ui/toast-on-change';
import { idleState, type FormState } from '@/lib/actions/form-state';
import { logoTooLargeMessage, maxLogoBytes } from '@/lib/branding/logo-limits';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export function LogoForm({ uploadAction, removeAction, logoVersion, disabled }: { uploadAction: Action; removeAction: Action; logoVersion: string | null; disabled: boolean }) {
  const [upload, uploadFormAction] = useActionState(uploadAction, idleState);
  const [removal, removeFormAction] = useActionState(removeAction, idleState);
  // A file over the limit is stopped here, before it is sent: the server would refuse it too, but a body past the
  // server actions' limit would end in an error page instead of a message beside the field.
  const [tooLarge, setTooLarge] = useState<string>();
  const checkSize = (file: File | null | undefined) => (file && file.size > maxLogoBytes ? logoTooLargeMessage(file.size) : undefined);
  const onChange = (event: ChangeEvent<HTMLInputElement>) => setTooLarge(checkSize(event.target.files?.[0]));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const file = new FormData(event.currentTarget).get('logo');
    const problem = checkSize(file instanceof File ? file : null);
    setTooLarge(problem);
    if (problem) event.preventDefault();
  };
  return (
    <div className="space-y-4">
      <ToastOnChange message={upload.status === 'success' ? upload.message : undefined} token={upload.at} />
      <ToastOnChange message={removal.status === 'success' ? removal.message : undefined} token={removal.at} />
      <FormMessage kind="error" message={removal.status === 'error' ? removal.message : undefined} />
      {logoVersion ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img src={`/brand/logo?v=${logoVersion}`} alt="Current logo" className="h-12 w-auto rounded border border-slate-200 bg-white p-1" />
      ) : (
        <p className="text-sm text-slate-600">No logo yet: the first letter of the product name is shown instead.</p>
      )}
      {disabled ? null : (
        <div className="flex flex-wrap items-end gap-3">
          <form action={uploadFormAction} onSubmit={onSubmit} className="flex flex-wrap items-end gap-3">
            <FormField label="New logo" name="logo" error={tooLarge ?? upload.fieldErrors?.logo ?? (upload.status === 'error' && !upload.fieldErrors ? upload.message : undefined)}>
              {(control) => <input {...control} type="file" accept="image/png,image/jpeg,image/webp" onChange={onChange} className="block text-sm" />}
            </FormField>
            <SubmitButton variant="secondary" pendingLabel="Uploading…">
              Upload logo
            </SubmitButton>
          </form>
          {logoVersion ? (
            <form action={removeFormAction}>
              <SubmitButton variant="ghost">Remove logo</SubmitButton>
            </form>
          ) : null}
        </div>
      )}
    </div>
  );
}
