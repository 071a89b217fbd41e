import { Button, Text } from '@react-email/components';
import { BrandEmail, type EmailBrand } from './brand-email';

export type TicketEmailProps = {
  brand: EmailBrand;
  heading: string;
  /** What happened, in a sentence. */
  summary: string;
  subject: string;
  /** The public text the e-mail is about (a description or a public reply); never an internal note. */
  quote: string | null;
  url: string;
  linkLabel: string;
};

/** A support ticket's notification, in the brand of whoever the recipient deals with, with a link to answer. */
export function TicketEmail({ brand, heading, summary, subject, quote, url, linkLabel }: TicketEmailProps) {
  return (
    <BrandEmail brand={brand} preview={`${heading}: ${subject}`} heading={heading}>
      <Text>{summary}</Text>
      <Text style={{ fontWeight: 700 }}>{subject}</Text>
      {quote ? <Text style={{ borderLeft: '3px solid #cbd5e1', color: '#334155', paddingLeft: 12, whiteSpace: 'pre-wrap' }}>{quote}</Text> : null}
      <Button href={url} style={{ backgroundColor: brand.primaryColor, borderRadius: 6, color: '#ffffff', fontWeight: 700, padding: '10px 16px' }}>
        {linkLabel}
      </Button>
    </BrandEmail>
  );
}
