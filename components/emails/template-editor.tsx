'use client';

import { useActionState, useEffect, useState, useTransition } from 'react';
import { ActionForm } from '@/components/console/action-form';
import { ConfirmAction } from '@/components/console/confirm-action';
import { FormField, TextField } from '@/components/ui/form-field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { Textarea } from '@/components/ui/textarea';
import { ToastOnChange } from '@/components/ui/toast-on-change';
import { idleState, type FormState } from '@/lib/actions/form-state';
import type { EmailTemplateView } from '@/lib/email-templates/manage-templates';
import type { TemplateTextsInput } from '@/lib/email-templates/schemas';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;
type Draft = { subject: string; heading: string; body: string; button_label: string };

type Props = {
  template: EmailTemplateView;
  canEdit: boolean;
  userEmail: string;
  actions: { save: Action; reset: Action; sendTest: Action; preview: (type: string, draft: TemplateTextsInput) => Promise<{ html: string; errors: { field: string; message: string }[] }> };
};

/**
 * The wording of one message type, with a preview that follows every change. The preview is the server's own
 * rendering (the same code that sends the e-mail) shown in a frame with `sandbox=""`: no script, no form, no
 * navigation and an opaque origin, whatever the text holds.
 */
export function TemplateEditor({ template, canEdit, userEmail, actions }: Props) {
  const [draft, setDraft] = useState<Draft>({ subject: template.subject, heading: template.heading, body: template.body, button_label: template.button_label ?? '' });
  const [preview, setPreview] = useState<{ html: string; errors: Record<string, string> }>({ html: '', errors: {} });
  const [, startTransition] = useTransition();
  const [saveState, saveAction] = useActionState(actions.save, idleState);

  useEffect(() => {
    const timer = setTimeout(() => {
      startTransition(async () => {
        const result = await actions.preview(template.message_type, draft);
        setPreview({ html: result.html, errors: Object.fromEntries(result.errors.map((e) => [e.field, e.message])) });
      });
    }, 250);
    return () => clearTimeout(timer);
  }, [draft, template.message_type, actions]);

  const [editedAt, setEditedAt] = useState(0);
  const set = (key: keyof Draft) => (value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setEditedAt(Date.now());
  };
  // A refused save speaks beside its fields until the next edit; from then on the live check does.
  const saveErrors = saveState.status === 'error' && (saveState.at ?? 0) > editedAt ? saveState.fieldErrors : undefined;
  const errors = { ...preview.errors, ...saveErrors };

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="space-y-6">
        <form action={saveAction} className="space-y-4" noValidate>
          <ToastOnChange message={saveState.status === 'success' ? saveState.message : undefined} token={saveState.at} />
          <FormMessage kind="error" message={saveState.status === 'error' && !saveState.fieldErrors ? saveState.message : undefined} />
          <input type="hidden" name="message_type" value={template.message_type} />
          <TextField label="Subject" name="subject" value={draft.subject} onChange={(e) => set('subject')(e.target.value)} error={errors.subject} disabled={!canEdit} required />
          <TextField label="Heading" name="heading" value={draft.heading} onChange={(e) => set('heading')(e.target.value)} error={errors.heading} disabled={!canEdit} required />
          <FormField label="Message" name="body" error={errors.body} hint="Plain text. Leave a blank line between paragraphs." required>
            {(control) => <Textarea {...control} rows={8} value={draft.body} onChange={(e) => set('body')(e.target.value)} disabled={!canEdit} />}
          </FormField>
          {template.has_button ? (
            <TextField label="Button label" name="button_label" value={draft.button_label} onChange={(e) => set('button_label')(e.target.value)} error={errors.button_label} disabled={!canEdit} required />
          ) : null}
          {canEdit ? <SubmitButton pendingLabel="Saving…">Save template</SubmitButton> : <p className="text-sm text-slate-600">Only owners and admins can change e-mail templates.</p>}
        </form>

        <section aria-labelledby="variables-heading">
          <h2 id="variables-heading" className="text-base font-semibold">
            Variables
          </h2>
          <p className="text-sm text-slate-600">
            Write <code>{'{{name}}'}</code> to insert one of these. Nothing else is interpreted: every value is shown as text.
          </p>
          <dl className="mt-2 divide-y divide-slate-100 text-sm" data-testid="template-variables">
            {template.variables.map((v) => (
              <div key={v.name} className="grid gap-1 py-2 sm:grid-cols-3">
                <dt>
                  <code>{`{{${v.name}}}`}</code>
                </dt>
                <dd className="text-slate-600 sm:col-span-2">
                  {v.description} <span className="text-slate-500">Preview: {v.sample}</span>
                </dd>
              </div>
            ))}
          </dl>
        </section>

        <div className="flex flex-wrap gap-3">
          <ActionForm action={actions.sendTest}>
            <input type="hidden" name="message_type" value={template.message_type} />
            <SubmitButton variant="secondary" pendingLabel="Sending…">
              Send me a test
            </SubmitButton>
            <p className="mt-1 text-xs text-slate-600">The saved wording, with sample values, to {userEmail}.</p>
          </ActionForm>
          {canEdit && template.customized ? (
            <ConfirmAction
              action={actions.reset}
              fields={{ message_type: template.message_type }}
              triggerLabel="Reset to default"
              triggerVariant="ghost"
              title="Reset to the default wording?"
              description="Your wording for this e-mail is replaced by the default. The change is kept in the audit log."
              confirmLabel="Reset"
              tone="danger"
            />
          ) : null}
        </div>
      </div>

      <section aria-labelledby="preview-heading" className="space-y-2">
        <h2 id="preview-heading" className="text-base font-semibold">
          Preview
        </h2>
        <p className="text-sm text-slate-600">With sample values, in your brand, as it will be sent.</p>
        <iframe title="E-mail preview" sandbox="" srcDoc={preview.html} data-testid="template-preview" className="h-[32rem] w-full rounded-lg border border-slate-200 bg-white" />
      </section>
    </div>
  );
}
