/** Contact details as the review shows them: enough to recognise, not enough to copy from a shared screen. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '••••';
  return `${email[0]}•••${email.slice(at)}`;
}

export function maskMobile(e164: string, countryCode: string): string {
  const code = countryCode.startsWith('+') ? countryCode : /^\d+$/.test(countryCode) ? `+${countryCode}` : '';
  return `${code ? `${code} ` : ''}••••••${e164.slice(-4)}`;
}
