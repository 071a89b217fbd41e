import { gstStateCodes, validateGstin } from '@/lib/kyc/validators/gstin';
import { products } from '@/lib/prices/products';

/** GST state codes as KYC knows them; only those a GSTIN can be issued in today are offered for a state on record. */
export const gstStates: Record<string, string> = Object.fromEntries(Object.entries(gstStateCodes).filter(([code]) => !['25', '28', '99'].includes(code)));

export const stateName = (code: string) => gstStateCodes[code] ?? '';

/** The GSTIN in capitals when it passes KYC's checks (format, state code, check character); null otherwise. */
export function normaliseGstin(value: string | null | undefined): string | null {
  if (!value) return null;
  const result = validateGstin(value);
  return result.ok ? result.value : null;
}

export const gstinProblem = (value: string) => {
  const result = validateGstin(value);
  return result.ok ? null : result.reason;
};

export const stateOfGstin = (gstin: string) => gstin.slice(0, 2);

/**
 * The SAC of a product. Telephony is 9984 (998412 fixed lines and numbers, 998413 mobile, 998423 calls over
 * the internet); hosted software such as voice bots and chat-bot workspaces 998315. A product the catalogue does not name (one a later
 * capability charges by its own code) reads as other telecommunication services, 998429.
 */
export const defaultSac = '998429';

/**
 * What is charged outside the price book (workspaceProducts in lib/workspaces/charge-workspace.ts, named here as
 * text so this stays importable without the ledger): chat-bot workspaces are hosted software, as voice bots are.
 */
const offCatalogue: Record<string, { name: string; sac: string }> = {
  workspace_plan: { name: 'Workspace plan', sac: '998315' },
  workspace_addon: { name: 'Workspace add-on', sac: '998315' },
};

const entryOf = (product: string): { name?: string; sac?: string } | undefined => (products as Record<string, { name?: string; sac?: string }>)[product] ?? offCatalogue[product];

export function sacOf(product: string): string {
  return entryOf(product)?.sac ?? defaultSac;
}

export function describeProduct(product: string): string {
  return entryOf(product)?.name ?? product.replace(/_/g, ' ');
}

/** Every supply invoiced here (telecom and hosted services) is taxed at 18 %: 9 % CGST + 9 % SGST, or 18 % IGST. */
export const gstRateBps = 1800n;

const divideHalfUp = (numerator: bigint, denominator: bigint) => (numerator * 2n + denominator) / (denominator * 2n);

export type GroupedCharge = { product: string; unitRate: bigint; quantity: bigint; gross: bigint };
export type Supply = 'intra' | 'inter' | 'none';

export type TaxedDocument = {
  lines: { product: string; description: string; sac: string; quantity: number; unitRate: string; gross: string; taxable: string }[];
  taxable: bigint;
  cgst: bigint;
  sgst: bigint;
  igst: bigint;
  rounding: bigint;
  total: bigint;
};

/**
 * The tax on a month's charges, by one rule: prices are GST-inclusive (the wallet paid exactly the charge), so
 * each line's taxable value is its gross × 100 / 118 rounded half up to the paisa; the tax is charged once on
 * the document's taxable total (each of CGST, SGST, IGST rounded half up to the paisa); and the difference
 * between the charges and taxable + tax — a few paise either way — is shown as the rounding line. So the
 * total is always the sum of the ledger's charges, and always the sum of the lines, to the paisa.
 * A supplier that is not registered (`none`) issues a bill of supply: no tax, taxable = gross.
 */
export function taxDocument(groups: GroupedCharge[], supply: Supply): TaxedDocument {
  const gross = groups.reduce((sum, g) => sum + g.gross, 0n);
  const lines = groups.map((g) => ({
    product: g.product,
    description: describeProduct(g.product),
    sac: sacOf(g.product),
    quantity: Number(g.quantity),
    unitRate: g.unitRate.toString(),
    gross: g.gross.toString(),
    taxable: (supply === 'none' ? g.gross : divideHalfUp(g.gross * 10_000n, 10_000n + gstRateBps)).toString(),
  }));
  const taxable = lines.reduce((sum, l) => sum + BigInt(l.taxable), 0n);
  let cgst = 0n;
  let sgst = 0n;
  let igst = 0n;
  if (supply === 'intra') {
    cgst = divideHalfUp(taxable * (gstRateBps / 2n), 10_000n);
    sgst = cgst;
  } else if (supply === 'inter') {
    igst = divideHalfUp(taxable * gstRateBps, 10_000n);
  }
  const rounding = gross - taxable - cgst - sgst - igst;
  return { lines, taxable, cgst, sgst, igst, rounding, total: gross };
}

/**
 * Intra-state (CGST + SGST) when the supplier's state and the place of supply are the same, else inter-state
 * (IGST). The place of supply is the recipient's state (from its GSTIN, else the state on record); with neither,
 * the supplier's own state, as IGST Act s.12 has it for a recipient whose address is not on record.
 */
export function placeOfSupply(sellerState: string, buyerState: string, sellerRegistered: boolean): { placeOfSupply: string; supply: Supply } {
  const place = buyerState || sellerState;
  if (!sellerRegistered) return { placeOfSupply: place, supply: 'none' };
  return { placeOfSupply: place, supply: place === sellerState ? 'intra' : 'inter' };
}
