import { TypeID, typeid } from 'typeid-js';

/**
 * One id scheme everywhere: TypeID (https://github.com/jetify-com/typeid) — a short type prefix, an
 * underscore, and a UUIDv7 in Crockford base32. Ids sort by creation time (so cursors and indexes stay
 * ordered), tell what they name at a glance (`cli_…` in a log line is a client), and are 26 characters of
 * URL-safe text after the prefix. Stored as text so they read the same in SQL, logs and the API.
 */
export const idPrefixes = {
  operatorUser: 'opr',
  partner: 'ptn',
  hostname: 'hst',
  partnerUser: 'usr',
  client: 'cli',
  clientMember: 'mbr',
  audit: 'aud',
  apiKey: 'key',
  apiRequest: 'req',
  event: 'evt',
  webhookEndpoint: 'we',
  webhookDelivery: 'whd',
  webhookAttempt: 'wha',
  registration: 'reg',
  onboardingLink: 'lnk',
  promoCode: 'prm',
  message: 'msg',
  ledgerAccount: 'lac',
  ledgerSet: 'lset',
  ledgerTransfer: 'ltr',
  ledgerEntry: 'len',
  commission: 'com',
  ledgerVerification: 'lvr',
  operatorAlert: 'alr',
  authSession: 'ses',
  passwordReset: 'pwr',
  agent: 'agt',
  voiceBot: 'vbot',
  recording: 'rcd',
  schedule: 'sch',
  scheduleHoliday: 'hol',
  recurringCharge: 'rch',
  emailTemplate: 'etp',
  sendingDomain: 'sdm',
  channel: 'chn',
  whatsappNumber: 'wan',
  ticket: 'tkt',
  ticketMessage: 'tkm',
  ticketAttachment: 'tka',
  ticketHistory: 'tkh',
  number: 'num',
  numberHold: 'nhd',
  numberAssignment: 'nas',
  numberPurchase: 'npu',
  maskingSession: 'msn',
  maskingAllocation: 'mal',
  maskingCallback: 'mcb',
  callRecord: 'call',
  callEvent: 'cev',
  invoice: 'inv',
  taxProfile: 'txp',
  flow: 'flw',
  flowMapping: 'fmp',
  flowCall: 'fcl',
  usageEvent: 'use',
  provisioningTemplate: 'tpl',
  templateVersion: 'tplv',
  templateInstall: 'tpli',
  plan: 'pln',
  planAddon: 'pad',
  workspace: 'wsp',
  workspaceCharge: 'wsc',
} as const;

export type IdKind = keyof typeof idPrefixes;

export function newId(kind: IdKind): string {
  return typeid(idPrefixes[kind]).toString();
}

/** True when `value` is a well-formed id of that kind; used to answer 404 for garbage before touching the database. */
export function isId(kind: IdKind, value: string): boolean {
  try {
    return TypeID.fromString(value).getType() === idPrefixes[kind];
  } catch {
    return false;
  }
}
