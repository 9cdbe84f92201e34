/**
 * Chrome's extension id for a manifest `key`: sha256 of the DER public key, first 32 hex digits,
 * each digit 0–f written as a–p.
 */
export async function extensionIdFromKey(base64Key: string): Promise<string> {
  const der = Uint8Array.from(atob(base64Key), (c) => c.charCodeAt(0));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', der));
  const hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
  return Array.from(hex.slice(0, 32), (d) => String.fromCharCode(97 + Number.parseInt(d, 16))).join('');
}
