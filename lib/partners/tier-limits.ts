/** Requests an hour a partner's API keys may make, by tier, unless the operator set the partner its own limit. */
export const tierLimits = { standard: 5_000, premium: 10_000, enterprise: 25_000 } as const;
