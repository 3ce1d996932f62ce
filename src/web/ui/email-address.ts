/** What looks like an e-mail address, to spare a round trip (the server's check is the one that counts). */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmailAddress(value: string): boolean {
  return EMAIL.test(value.trim());
}

/** A form validator for an address that may be left empty: empty passes, anything else must look like an address. */
export function optionalEmail(message: string): (value: string) => string | null {
  return (value) => (value.trim() === '' || isEmailAddress(value) ? null : message);
}
