/** What a template may say about one variable: what it holds, and the value previews and test sends use. */
export type VariableDoc = { description: string; sample: string };

export type TemplateTexts = { subject: string; heading: string; body: string; buttonLabel: string | null };

/**
 * One kind of e-mail Switchboard sends for a partner. Its variables are the allow-list its templates may use;
 * the shared `partner.*` variables are added to every type. A message type with a link has a button (its label
 * is part of the template, its address is `link.url`, always the platform's own value).
 */
export type MessageType<V extends string = string> = {
  key: string;
  label: string;
  /** Who receives it and when: shown in the editor and the API reference. */
  description: string;
  variables: Record<V, VariableDoc>;
  defaults: TemplateTexts;
  /** A variable shown large under the body (a one-time code), or none. */
  callout?: V;
  /** Whether the message carries `link.url` as its button. */
  hasButton: boolean;
};

export const sharedVariables = {
  'partner.product_name': { description: 'Your product name, as set on the Branding page.', sample: 'Acme Connect' },
  'partner.support_email': { description: 'Your support e-mail address (empty when none is set).', sample: 'support@acme.example' },
} satisfies Record<string, VariableDoc>;

export type SharedVariable = keyof typeof sharedVariables;

/** Declares a message type; its own variables are typed, so senders must give each one. */
export function defineMessageType<const V extends string>(type: { key: string; label: string; description: string; variables: Record<V, VariableDoc>; defaults: TemplateTexts; callout?: NoInfer<V> }): MessageType<V | SharedVariable> {
  const variables = { ...type.variables, ...sharedVariables } as Record<V | SharedVariable, VariableDoc>;
  return { ...type, variables, hasButton: 'link.url' in type.variables };
}

/** The values a sender gives: every variable of the type except the shared ones, which come from the brand. */
export type ValuesOf<T> = T extends MessageType<infer V> ? Record<Exclude<V, SharedVariable>, string> : never;
