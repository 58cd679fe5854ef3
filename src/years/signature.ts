import { m } from '../ui/i18n.js';
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { UsageError } from '../errors.js';
import { canonicalJson, sha256, type Manifest, type Signature } from './manifest.js';

/**
 * Ed25519 signatures over a manifest's canonical JSON, with node:crypto's built-in Ed25519
 * (OpenSSL underneath): no library to keep up to date. Keys are PEM files: PKCS#8 for the private
 * key, SPKI for the public one.
 */

export interface KeyPair {
  privatePem: string;
  publicPem: string;
  fingerprint: string;
}

export function generateKeyPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: fingerprintOf(publicKey),
  };
}

/** SHA-256 of the public key's SPKI DER: names a key in a signature and in messages. */
export const fingerprintOf = (publicKey: KeyObject): string => sha256(publicKey.export({ type: 'spki', format: 'der' }));

/** A short form for messages: the first 16 hex digits. */
export const shortFingerprint = (fingerprint: string): string => fingerprint.slice(0, 16);

function notEd25519(shown: string, kind: string | undefined): UsageError {
  return new UsageError(m().k_notEd25519(shown, kind), m().k_makeKeyPair);
}

/** A private key from PEM text; refuses anything but an unencrypted Ed25519 key. */
export function privateKeyFrom(pem: string, shown: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch (err) {
    const encrypted = /passphrase/i.test((err as Error).message);
    throw new UsageError(
      encrypted ? m().k_encrypted(shown) : m().k_notPrivate(shown),
      m().k_makeKeyPair,
    );
  }
  if (key.asymmetricKeyType !== 'ed25519') throw notEd25519(shown, key.asymmetricKeyType);
  return key;
}

/** A public key from PEM text (SPKI); refuses anything but Ed25519. */
export function publicKeyFrom(pem: string, shown: string): KeyObject {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
    throw new UsageError(m().k_isPrivate(shown), m().k_isPrivateHint);
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch {
    throw new UsageError(m().k_notPublic(shown), m().k_notPublicHint);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw notEd25519(shown, key.asymmetricKeyType);
  return key;
}

export function signManifest(manifest: Manifest, privateKey: KeyObject): Signature {
  return {
    algorithm: 'ed25519',
    key: fingerprintOf(createPublicKey(privateKey)),
    value: sign(null, Buffer.from(canonicalJson(manifest), 'utf8'), privateKey).toString('base64'),
  };
}

/** How a signature stands against a trusted public key. */
export type SignatureCheck = 'valid' | 'bad' | 'other-key';

export function checkSignature(manifest: Manifest, signature: Signature, publicKey: KeyObject): SignatureCheck {
  if (signature.key !== fingerprintOf(publicKey)) return 'other-key';
  return verify(null, Buffer.from(canonicalJson(manifest), 'utf8'), publicKey, Buffer.from(signature.value, 'base64')) ? 'valid' : 'bad';
}
