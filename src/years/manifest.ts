import { createHash } from 'node:crypto';
import { z } from 'zod';
import { freeText } from '../io/free-text.js';
import { MAX_TEXT } from '../store/limits.js';

/**
 * A closed year's record, answers/closed/<year>.json: the manifest the year was closed with (a
 * SHA-256 of every file of the year and of the catalogue in force, who and when, and the hash of
 * the previous closed year's manifest, so the closed years form a chain), its optional Ed25519
 * signature, and the closings that were reopened, each with who reopened it, when and why.
 */

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'en SHA-256 skrivs som 64 hexadecimala tecken (0–9, a–f)');

const Year = z.number().int().min(2000).max(2100);
const Moment = z.iso.datetime({ offset: true });
const Name = freeText().trim().min(1).max(MAX_TEXT.name);
const Reason = freeText().trim().min(1).max(MAX_TEXT.motivation);

/** Workspace-relative names (`answers/2024/office365.json`) to the SHA-256 of the file's bytes. */
const FileSums = z.record(z.string().min(1), Sha256);

export const CatalogueSource = z.enum(['workspace', 'bundled']);
export type CatalogueSource = z.infer<typeof CatalogueSource>;

export const Manifest = z.strictObject({
  format: z.literal(1),
  year: Year,
  closedBy: Name,
  closedAt: Moment,
  /** The latest earlier closed year's manifest hash; null for the first closed year. */
  previous: z.strictObject({ year: Year, hash: Sha256 }).nullable(),
  /** The closing of this year that was reopened before this one, and the reopening; null for a first closing. */
  supersedes: z.strictObject({ hash: Sha256, reopenedBy: Name, reopenedAt: Moment, reason: Reason }).nullable(),
  /** The efterlev version that closed the year. */
  efterlev: z.string().min(1),
  catalogue: z.strictObject({
    checklists: CatalogueSource,
    rules: CatalogueSource,
    /** Each checklist's catalogue version. */
    versions: z.record(z.string().min(1), z.string().min(1)),
    files: FileSums,
  }),
  files: FileSums,
});
export type Manifest = z.infer<typeof Manifest>;

export const Signature = z.strictObject({
  algorithm: z.literal('ed25519'),
  /** SHA-256 of the public key (SPKI DER): which key signed. */
  key: Sha256,
  /** Base64 of the Ed25519 signature over the manifest's canonical JSON. */
  value: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'en Ed25519-signatur är 64 byte i base64'),
});
export type Signature = z.infer<typeof Signature>;

export const Closing = z.strictObject({
  /** SHA-256 of the manifest's canonical JSON: what the next closed year links to. */
  hash: Sha256,
  manifest: Manifest,
  signature: Signature.optional(),
});
export type Closing = z.infer<typeof Closing>;

export const Reopening = z.strictObject({ by: Name, at: Moment, reason: Reason });
export type Reopening = z.infer<typeof Reopening>;

export const YearRecord = z.strictObject({
  $schema: z.string().optional(),
  year: Year,
  /** The closing in force; null while the year is reopened. */
  closed: Closing.nullable(),
  /** Earlier closings that were reopened, oldest first. */
  history: z.array(z.strictObject({ closing: Closing, reopened: Reopening })),
});
export type YearRecord = z.infer<typeof YearRecord>;

// ---- canonical JSON and hashes ------------------------------------------------------------

/**
 * The bytes a manifest is hashed and signed as: JSON without whitespace, object keys sorted by
 * UTF-16 code units (RFC 8785 for the values a manifest holds: strings, integers, null).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

export const manifestHash = (manifest: Manifest): string => sha256(canonicalJson(manifest));

// ---- making a manifest --------------------------------------------------------------------

export interface ManifestInput {
  year: number;
  by: string;
  at: string;
  efterlev: string;
  /** The year's files: manifest name → bytes. */
  files: ReadonlyMap<string, Uint8Array>;
  catalogue: { checklists: CatalogueSource; rules: CatalogueSource; versions: Record<string, string>; files: ReadonlyMap<string, Uint8Array> };
  previous: { year: number; hash: string } | null;
  /** The reopened closing this one follows, with its reopening. */
  reopened: { closing: Closing; reopened: Reopening } | undefined;
}

const sums = (files: ReadonlyMap<string, Uint8Array>): Record<string, string> =>
  Object.fromEntries([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, bytes]) => [name, sha256(bytes)]));

/** The manifest of a year from its files: pure. */
export function buildManifest(input: ManifestInput): Manifest {
  return Manifest.parse({
    format: 1,
    year: input.year,
    closedBy: input.by,
    closedAt: input.at,
    previous: input.previous,
    supersedes:
      input.reopened === undefined
        ? null
        : { hash: input.reopened.closing.hash, reopenedBy: input.reopened.reopened.by, reopenedAt: input.reopened.reopened.at, reason: input.reopened.reopened.reason },
    efterlev: input.efterlev,
    catalogue: { checklists: input.catalogue.checklists, rules: input.catalogue.rules, versions: input.catalogue.versions, files: sums(input.catalogue.files) },
    files: sums(input.files),
  });
}

// ---- comparing files with a manifest ------------------------------------------------------

export type FileChange = { file: string; change: 'changed' | 'added' | 'removed' };

/** What differs between the checksums a manifest holds and the files as they are now: pure. */
export function compareFiles(expected: Readonly<Record<string, string>>, actual: Readonly<Record<string, string>>): FileChange[] {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  const out: FileChange[] = [];
  for (const file of names) {
    const want = expected[file];
    const have = actual[file];
    if (want === undefined) out.push({ file, change: 'added' });
    else if (have === undefined) out.push({ file, change: 'removed' });
    else if (want !== have) out.push({ file, change: 'changed' });
  }
  return out;
}
