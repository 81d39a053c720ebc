import { createHash, createHmac } from 'node:crypto';

/**
 * A delegate's reply link token: HMAC-SHA256 of the delegate and the link's generation under the server's secret
 * key, 256 bits in base64url. Deterministic, so a reprint carries the same link without the token being stored;
 * unguessable without the key, which never enters the database.
 */
export function deriveReplyToken(key: Buffer, delegateId: string, generation: number): string {
  return createHmac('sha256', key).update(`reply:${delegateId}:${generation}`).digest('base64url');
}

/** What the database keeps of a token, and what the check-in desk compares a scanned QR code with. */
export function hashReplyToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
