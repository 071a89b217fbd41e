import { render, toPlainText } from '@react-email/components';
import { createElement } from 'react';
import type { EmailBrand } from '@/lib/messages/templates/brand-email';
import type { MessageType, TemplateTexts } from './define-message-type';
import { parseTemplate, substitute } from './placeholders';
import { TemplatedEmail, type FilledTemplate } from './templated-email';

export const templateFields = ['subject', 'heading', 'body', 'buttonLabel'] as const;
export type TemplateField = (typeof templateFields)[number];

/** The shared variables' values, from the brand the message goes out in. */
export function brandValues(brand: EmailBrand): Record<string, string> {
  return { 'partner.product_name': brand.productName, 'partner.support_email': brand.supportEmail ?? '' };
}

function fill(type: MessageType, text: string, values: Record<string, string>): string {
  // Saved texts were checked when saved; should one hold an unknown name after a type dropped a variable, it is
  // shown as typed rather than failing the message.
  return substitute(parseTemplate(text, new Set(Object.keys(type.variables))).parts, values);
}

/** Substitutes a template's texts with the values and wraps them in the brand, as the element queueEmail renders. */
export function fillTemplate(type: MessageType, texts: TemplateTexts, brand: EmailBrand, values: Record<string, string>) {
  const all = { ...values, ...brandValues(brand) };
  // A subject is one header line: no line breaks, whatever a value holds.
  const subject = fill(type, texts.subject, all).replace(/[\r\n]+/g, ' ').trim();
  const filled: FilledTemplate = {
    subject,
    heading: fill(type, texts.heading, all),
    paragraphs: fill(type, texts.body, all)
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean),
    buttonLabel: type.hasButton && texts.buttonLabel ? fill(type, texts.buttonLabel, all) : null,
    buttonUrl: type.hasButton ? (all['link.url'] ?? null) : null,
    callout: type.callout ? (all[type.callout] ?? null) : null,
  };
  return { subject, element: createElement(TemplatedEmail, { brand, filled }) };
}

/** The finished e-mail as HTML and text, for previews. */
export async function renderTemplateHtml(type: MessageType, texts: TemplateTexts, brand: EmailBrand, values: Record<string, string>) {
  const { subject, element } = fillTemplate(type, texts, brand, values);
  const html = await render(element);
  return { subject, html, text: toPlainText(html) };
}

export function sampleValues(type: MessageType): Record<string, string> {
  return Object.fromEntries(Object.entries(type.variables).map(([name, doc]) => [name, doc.sample]));
}
