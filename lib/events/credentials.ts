// Which fields carry credentials. Applied where an event is made (the game API never copies such a
// header into Kafka) and wherever an event is shown (the report's sample event). A rule, not a list:
// credential-carrying header names follow a handful of words (Authorization, X-Api-Key,
// X-Amz-Security-Token, X-Csrf-Token, Cookie, X-Session-Id, …), and a value that starts like an HTTP
// credential (`Bearer …`, `Basic …`) is one whatever the header is called.

const CREDENTIAL_NAME =
  /auth|token|key|secret|session|passw|pwd|csrf|xsrf|signature|cookie|credential|bearer|jwt|otp|private/i;

const CREDENTIAL_VALUE = /^\s*(bearer|basic|digest|negotiate|ntlm|hoba|mutual|aws4-hmac-sha256)\s+\S/i;

export function isCredentialName(name: string): boolean {
  return CREDENTIAL_NAME.test(name);
}

export function isCredentialValue(value: string): boolean {
  return CREDENTIAL_VALUE.test(value);
}

/** The field is a credential by its name or by the look of its value. */
export function isCredential(name: string, value: string | null): boolean {
  return isCredentialName(name) || (value !== null && isCredentialValue(value));
}

/** A JSON event line with its credential fields' values replaced by `[redacted]` (unparsable: as is). */
export function redactEventLine(line: string): string {
  let event: unknown;
  try {
    event = JSON.parse(line);
  } catch {
    return line;
  }
  if (event === null || typeof event !== 'object' || Array.isArray(event)) return line;
  const fields = Object.entries(event as Record<string, unknown>);
  if (!fields.some(([name, value]) => isCredential(name, typeof value === 'string' ? value : null)))
    return line;
  return JSON.stringify(
    Object.fromEntries(
      fields.map(([name, value]) => [
        name,
        isCredential(name, typeof value === 'string' ? value : null) ? '[redacted]' : value,
      ]),
    ),
  );
}
