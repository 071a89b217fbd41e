import { z } from 'zod';

/**
 * What the operator sells partners and partners resell, each priced in paise per `per`. Later capabilities
 * charge by these codes; the price book holds their list, wholesale and retail prices. `sac` is the GST
 * services code invoices print for it (hosted software and WhatsApp channels are a CA's call to confirm).
 */
export const products = {
  number_setup_local: { name: 'Number setup, local', per: 'number', defaultList: 50_000n, sac: '998412' },
  number_setup_toll_free: { name: 'Number setup, toll-free', per: 'number', defaultList: 150_000n, sac: '998412' },
  number_setup_mobile: { name: 'Number setup, mobile', per: 'number', defaultList: 75_000n, sac: '998413' },
  number_rental_local: { name: 'Number rental, local', per: 'number per month', defaultList: 30_000n, sac: '998412' },
  number_rental_toll_free: { name: 'Number rental, toll-free', per: 'number per month', defaultList: 100_000n, sac: '998412' },
  number_rental_mobile: { name: 'Number rental, mobile', per: 'number per month', defaultList: 50_000n, sac: '998413' },
  call_minute_inbound: { name: 'Call minutes, inbound', per: 'minute', defaultList: 60n, sac: '998423' },
  call_minute_outbound: { name: 'Call minutes, outbound', per: 'minute', defaultList: 90n, sac: '998423' },
  masking_minute: { name: 'Masked call minutes', per: 'minute', defaultList: 120n, sac: '998423' },
  agent_seat_month: { name: 'Agent seat', per: 'seat per month', defaultList: 49_900n, sac: '998423' },
  voice_bot_month: { name: 'Voice bot', per: 'bot per month', defaultList: 199_900n, sac: '998315' },
  whatsapp_number_month: { name: 'WhatsApp number', per: 'number per month', defaultList: 99_900n, sac: '998429' },
  channel_day: { name: 'Channel day', per: 'day', defaultList: 3_000n, sac: '998429' },
  point: { name: 'Points', per: 'point', defaultList: 100n, sac: '998429' },
} as const satisfies Record<string, { name: string; per: string; defaultList: bigint; sac: string }>;

export type Product = keyof typeof products;
export const productCodes = Object.keys(products) as Product[];
export const productSchema = z.enum(productCodes as [Product, ...Product[]], 'Unknown product.');

/** Which product a day or a point is bought at. */
export const unitProduct = { days: 'channel_day', points: 'point' } as const satisfies Record<string, Product>;
