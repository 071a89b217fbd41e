import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TemplateEditor } from '@/components/emails/template-editor';
import { PageHeader } from '@/components/ui/page-header';
import { requireStaffSession } from '@/lib/auth/session';
import { getEmailTemplate } from '@/lib/email-templates/manage-templates';
import { isMessageTypeKey } from '@/lib/email-templates/message-types';
import { previewTemplateAction, resetTemplateAction, saveTemplateAction, sendTestAction } from '../actions';

export const metadata: Metadata = { title: 'E-mail template' };

export default async function EmailTemplatePage({ params }: { params: Promise<{ messageType: string }> }) {
  const { messageType } = await params;
  if (!isMessageTypeKey(messageType)) notFound();
  const { ctx, user } = await requireStaffSession();
  const template = await getEmailTemplate(ctx, messageType);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/emails" className="text-brand-link underline">
          E-mails
        </Link>
      </p>
      <PageHeader title={template.label} description={template.description} />
      <TemplateEditor
        key={template.updated_at ?? 'default'}
        template={template}
        canEdit={user.role !== 'member'}
        userEmail={user.email}
        actions={{ save: saveTemplateAction, reset: resetTemplateAction, sendTest: sendTestAction, preview: previewTemplateAction }}
      />
      <p className="mt-6 text-sm">
        <Link className="text-brand-link underline" href={`/developers/audit?action=email_template&target_id=${template.message_type}`}>
          History of changes
        </Link>
      </p>
    </>
  );
}
