// Base64 without Buffer, so the same code runs in browsers and edge runtimes (atob/btoa exist in all
// of them and in Node >= 16).

/** Non-empty standard base64 with padding: atob alone also accepts whitespace and missing padding. */
export function isBase64(value: string): boolean {
  // With the length a multiple of 4, at most two trailing "=" leaves only valid encodings.
  return value.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(value);
}

export function decodeBase64(value: string): Uint8Array<ArrayBuffer> {
  const binary = atob(value);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
