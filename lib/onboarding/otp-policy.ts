/**
 * maxFailedAttempts holds for the e-mail, SMS and Aadhaar OTPs alike. maxResends caps the codes sent after the
 * first ones, all channels together, over a registration's life: past the 60 s cool-down, nobody can make a
 * registration send SMS (each costs money, and an Aadhaar OTP goes to someone's phone) without end.
 */
export const otpPolicy = { lifetimeMs: 10 * 60_000, maxFailedAttempts: 5, resendCooldownMs: 60_000, maxResends: 10 };
