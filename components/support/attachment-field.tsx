'use client';

import { useActionFieldList } from '@/components/console/action-form';

/** The file picker of a ticket form, with the error of any file it sent (`attachments` or `attachments.2`) beside it. */
export function AttachmentField({ hint }: { hint: string }) {
  const { error } = useActionFieldList('attachments', []);
  const describedBy = ['attachments-hint', error ? 'attachments-error' : null].filter(Boolean).join(' ');
  return (
    <div className="text-sm">
      <label htmlFor="attachments" className="block font-medium text-slate-900">
        Attachments
      </label>
      <input id="attachments" type="file" name="attachments" multiple accept="image/png,image/jpeg,image/gif,image/webp,application/pdf" className="mt-1 block text-sm" aria-describedby={describedBy} aria-invalid={error ? true : undefined} />
      <p id="attachments-hint" className="mt-1 text-xs text-slate-600">
        {hint}
      </p>
      {error ? (
        <p id="attachments-error" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
