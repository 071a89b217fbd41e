/**
 * What Switchboard asks of a carrier, and what it hears back. Two halves, so each can be built and swapped on
 * its own: `InventoryCarrier` (search, provision, release: lib/numbers uses it) and `MaskingCarrier` (masking
 * sessions bridged over a client's numbers, and the call events a carrier posts back). A carrier adapter
 * implements both; the simulator is composed of `inventory-simulator.ts` and `masking-simulator.ts`.
 *
 * Money never passes through here: a carrier's own costs are its business; clients are charged through the
 * ledger at the partner's retail prices.
 */

export type CarrierNumberType = 'local' | 'mobile' | 'toll_free';

/** Where the pattern must match the national number: the three modes every search offers. */
export type PatternMode = 'starts_with' | 'contains' | 'ends_with';

export type CarrierSearch = {
  /** ISO 3166-1 alpha-2, e.g. `IN`. */
  country: string;
  /** A region code (for India, a telecom circle such as `DL`). */
  region?: string;
  type?: CarrierNumberType;
  /** Digits only. */
  pattern?: string;
  mode?: PatternMode;
  /** At most this many numbers (carriers cap a page: Plivo at 20). */
  limit: number;
};

/** A number the carrier offers. */
export type CarrierNumber = {
  /** E.164 with the plus. */
  e164: string;
  country: string;
  region: string;
  type: CarrierNumberType;
};

/**
 * `reference` is Switchboard's purchase id: a carrier that supports it uses it to make the order idempotent,
 * so asking twice for the same purchase never rents two numbers.
 */
export type ProvisionRequest = { e164: string; reference: string };

export type ProvisionResult =
  /** Rented: the number is ours. `carrierRef` is what later calls (release, status) name it by. */
  | { status: 'active'; carrierRef: string }
  /** Accepted, completing later: ask `provisioningStatus` again (not before `retryAfterMs`). */
  | { status: 'pending'; carrierRef: string; retryAfterMs: number }
  /** Another buyer rented it first: nothing was rented. */
  | { status: 'taken'; reason: string }
  /** The carrier refused or broke: nothing was rented. */
  | { status: 'failed'; reason: string };

export type ReleaseRequest = { e164: string; carrierRef: string | null };

export interface InventoryCarrier {
  /** `simulator`, `plivo`: stored on each number so it is released with the carrier that rented it. */
  readonly name: string;
  /** The regions numbers may be searched in, for a country. */
  regions(country: string): Promise<{ code: string; name: string }[]>;
  /** Numbers available now; each carrier applies the pattern mode itself (or as near as its API allows). */
  search(request: CarrierSearch): Promise<CarrierNumber[]>;
  provision(request: ProvisionRequest): Promise<ProvisionResult>;
  /** For a `pending` provisioning: where it is now (never `pending` forever: a carrier times it out as `failed`). */
  provisioningStatus(request: { e164: string; carrierRef: string; reference: string }): Promise<ProvisionResult>;
  /** Gives the number back to the carrier (Plivo: "unrent"). Releasing a number the carrier no longer has is not an error. */
  release(request: ReleaseRequest): Promise<{ status: 'released' } | { status: 'failed'; reason: string }>;
}

// ——— masking (click-to-connect) ———

/**
 * A masking session bridges two parties over a virtual number from the client's masking pool (its numbers
 * with `masking` set). Field names follow Plivo's masking session, the model the issue names.
 */
export type MaskingSessionRequest = {
  /** Switchboard's session id: the carrier echoes it on every call event. */
  reference: string;
  /** The pool number chosen for this session (E.164). */
  virtualNumber: string;
  firstParty: string;
  secondParty: string;
  /** Seconds until the session expires. */
  sessionExpiry: number;
  /** Seconds a bridged call may last. */
  callTimeLimit: number;
  /** Seconds each leg rings before it counts as unanswered. */
  ringTimeout: number;
  /** Record bridged calls, after a consent prompt to both parties. */
  record: boolean;
  /** Call the first party at once, instead of waiting for a party to call the virtual number. */
  initiateCallToFirstParty: boolean;
  /** Where the carrier posts this session's call events (Switchboard's signed call-events endpoint). */
  callbackUrl: string;
};

export type MaskingSessionChange = Partial<Pick<MaskingSessionRequest, 'firstParty' | 'secondParty' | 'sessionExpiry' | 'callTimeLimit' | 'ringTimeout' | 'record'>>;

export type MaskingSessionResult = { status: 'created' | 'updated' | 'ended'; carrierSessionId: string } | { status: 'failed'; reason: string };

export interface MaskingCarrier {
  readonly name: string;
  createMaskingSession(request: MaskingSessionRequest): Promise<MaskingSessionResult>;
  updateMaskingSession(request: { carrierSessionId: string; reference: string; changes: MaskingSessionChange }): Promise<MaskingSessionResult>;
  endMaskingSession(request: { carrierSessionId: string; reference: string }): Promise<MaskingSessionResult>;
}

// ——— what a carrier (or the operator's switch) tells Switchboard ———

export type CallLeg = 'first_party' | 'second_party' | 'inbound' | 'outbound';

/**
 * One call event, the shape the signed call-events endpoint accepts and the call simulator produces. A leg is
 * `started`, maybe `answered`, then `ended` with its duration; an ended leg becomes a call record and a charge.
 */
export type CallEvent = {
  /** Unique per event, so a repeated delivery is recognised and ignored. */
  eventId: string;
  type: 'call.started' | 'call.answered' | 'call.ended';
  /** The carrier's id of the call (all legs of one call share it). */
  callId: string;
  /** The carrier's id of this leg. */
  legId: string;
  leg: CallLeg;
  direction: 'inbound' | 'outbound';
  /** The Switchboard number the call came in on or went out from (E.164). */
  number: string;
  from: string;
  to: string;
  /** The masking session's `reference`, when the call belongs to one. */
  sessionReference?: string;
  /** ISO 8601. */
  occurredAt: string;
  /** On `call.ended`: seconds from answer to hang-up (0 when never answered). */
  durationSeconds?: number;
  /** On `call.ended`: how the leg ended. */
  outcome?: 'completed' | 'no_answer' | 'busy' | 'failed' | 'cancelled';
  /** On `call.ended`, when the call was recorded: where the recording is. */
  recordingUrl?: string;
};

/** The whole carrier: what a real adapter implements; the simulator composes its two halves. */
export type CarrierProvider = InventoryCarrier & MaskingCarrier;
