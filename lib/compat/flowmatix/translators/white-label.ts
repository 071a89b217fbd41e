import { getClient } from '@/lib/clients/manage-clients';
import { refused } from '../endpoint';

/**
 * Flowmatix's "White-Label" endpoints brand one customer; Switchboard brands per partner (one logo, colours,
 * domain and set of e-mail templates that all its clients see), so both are refused with `branded_per_partner`
 * and say where the partner-wide setting is. The customer is looked up first: a foreign one is still a 404.
 */

const group = 'White-Label' as const;
const customer = { in: 'path', type: 'string', required: true, to: 'client_id', difference: 'Checked (another partner’s answers 404), then the request is refused.' } as const;
const checkCustomer = (ctx: Parameters<typeof getClient>[0], params: Record<string, string>) => getClient(ctx, params.customer_id!).then(() => undefined);

export const branding = refused({
  group,
  method: 'POST',
  path: 'customers/{customer_id}/branding',
  summary: 'Custom Branding',
  example: { logo_url: 'https://partner.com/logo.png', primary_color: '#007bff', secondary_color: '#6c757d', custom_domain: 'app.partner.com' },
  scope: 'clients:read',
  check: checkCustomer,
  code: 'branded_per_partner',
  reason: 'Branding is per partner, not per customer: every client sees your logo, colours and domain. Set them once under Settings → Branding and Settings → Domain in the console.',
  fields: {
    customer_id: customer,
    logo_url: { in: 'body', type: 'string', required: false, to: '(partner logo)', difference: 'Per partner: uploaded in the console (PNG, JPEG or WebP, at most 512 KB), not fetched from a URL.' },
    primary_color: { in: 'body', type: 'string', required: false, to: '(partner primary colour)', difference: 'Per partner, #rrggbb, with contrast warnings.' },
    secondary_color: { in: 'body', type: 'string', required: false, to: '(partner secondary colour)', difference: 'Per partner.' },
    custom_domain: { in: 'body', type: 'string', required: false, to: '(partner custom domain)', difference: 'Per partner, verified by DNS before it serves.' },
  },
  differences: ['Always refused with 422 `branded_per_partner` for a customer of yours (404 for any other).'],
});

export const emailTemplates = refused({
  group,
  method: 'PUT',
  path: 'customers/{customer_id}/email-templates',
  summary: 'Custom Email Templates',
  scope: 'clients:read',
  check: checkCustomer,
  code: 'branded_per_partner',
  reason: 'E-mail templates are per partner: every client gets yours. Change them with PUT /api/v1/email_templates/{message_type} (scope templates:write) or under Settings → E-mail templates.',
  fields: { customer_id: customer },
  differences: ['Always refused with 422 `branded_per_partner`; the partner-wide templates are PUT /api/v1/email_templates/{message_type} (subject, heading, body, button_label, with {{placeholders}}).'],
});

export const whiteLabelGroup = [branding, emailTemplates];
