/** A validator's answer: the normalised value, or the reason a person can act on. */
export type Validation<T = string> = { ok: true; value: T } | { ok: false; reason: string };

export const valid = <T>(value: T): Validation<T> => ({ ok: true, value });
export const invalidBecause = (reason: string): Validation<never> => ({ ok: false, reason });
