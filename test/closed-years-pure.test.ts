import { describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { buildManifest, canonicalJson, compareFiles, manifestHash, type Closing, type YearRecord } from '../src/years/manifest.js';
import { catalogueNotes, chainFindings, fileFindings, recordFindings } from '../src/years/verify.js';
import { checkSignature, signManifest } from '../src/years/signature.js';
import { yearOfFile } from '../src/years/paths.js';
import type { Workspace } from '../src/store/workspace.js';

/** The pure parts of issue 15: the manifest from files, and verification as a list of findings. */

const bytes = (s: string) => Buffer.from(s, 'utf8');

function closing(year: number, files: Record<string, string>, previous: Closing | null, reopened?: YearRecord['history'][number]): Closing {
  const manifest = buildManifest({
    year,
    by: 'Eva Ek',
    at: `${year + 1}-03-14T09:00:00.000Z`,
    efterlev: '0.1.0',
    files: new Map(Object.entries(files).map(([k, v]) => [k, bytes(v)])),
    catalogue: { checklists: 'bundled', rules: 'bundled', versions: { dso: '2025.1' }, files: new Map([['checklists/dso.json', bytes('{}')]]) },
    previous: previous === null ? null : { year: previous.manifest.year, hash: previous.hash },
    reopened,
  });
  return { hash: manifestHash(manifest), manifest };
}

const recordOf = (c: Closing | null, year: number, history: YearRecord['history'] = []): YearRecord => ({ year, closed: c, history });

describe('the manifest', () => {
  it('hashes canonical JSON: key order and whitespace do not matter, every value does', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }] })).toBe('{"a":[{"c":"x","d":null}],"b":1}');
    const a = closing(2024, { 'answers/2024/a.json': 'A', 'answers/2024/b.json': 'B' }, null);
    const b = closing(2024, { 'answers/2024/b.json': 'B', 'answers/2024/a.json': 'A' }, null);
    expect(a.hash).toBe(b.hash);
    expect(closing(2024, { 'answers/2024/a.json': 'A', 'answers/2024/b.json': 'b' }, null).hash).not.toBe(a.hash);
  });

  it('compares files: changed, added and removed, by name', () => {
    expect(compareFiles({ a: '1', b: '2', c: '3' }, { a: '1', b: '9', d: '4' })).toEqual([
      { file: 'b', change: 'changed' },
      { file: 'c', change: 'removed' },
      { file: 'd', change: 'added' },
    ]);
  });

  it('knows which files belong to a year', () => {
    const ws = { root: '/w', answersDir: '/w/answers' } as Workspace;
    expect(yearOfFile(ws, '/w/answers/2024/office365.json')).toBe(2024);
    expect(yearOfFile(ws, '/w/answers/plan/2024.json')).toBe(2024);
    expect(yearOfFile(ws, '/w/answers/register/2025.json')).toBe(2025);
    expect(yearOfFile(ws, '/w/answers/incidents/2024.json')).toBe(2024);
    expect(yearOfFile(ws, '/w/answers/observations/2024.json')).toBe(2024);
    for (const other of ['/w/answers/services.json', '/w/answers/closed/2024.json', '/w/answers/.journal/x.json', '/w/answers/2024/sub/x.json', join('/elsewhere', '2024', 'x.json')]) {
      expect(yearOfFile(ws, other), other).toBeUndefined();
    }
  });
});

describe('verification as findings', () => {
  const y2024 = closing(2024, { 'answers/2024/a.json': 'A' }, null);
  const y2025 = closing(2025, { 'answers/2025/a.json': 'A' }, y2024);

  it('a whole chain has no findings', () => {
    const records = new Map([[2024, recordOf(y2024, 2024)], [2025, recordOf(y2025, 2025)]]);
    expect(chainFindings(records, new Set(), (y) => `closed/${y}.json`)).toEqual([]);
    expect([...records.values()].flatMap((r) => recordFindings(r, 'f'))).toEqual([]);
  });

  it('a link to a closing that was reopened and closed again is named as such', () => {
    const reopened = { closing: y2024, reopened: { by: 'Per Ek', at: '2025-06-01T08:00:00.000Z', reason: 'Rättelse' } };
    const again = closing(2024, { 'answers/2024/a.json': 'A2' }, null, reopened);
    expect(again.manifest.supersedes).toEqual({ hash: y2024.hash, reopenedBy: 'Per Ek', reopenedAt: '2025-06-01T08:00:00.000Z', reason: 'Rättelse' });
    const records = new Map([[2024, recordOf(again, 2024, [reopened])], [2025, recordOf(y2025, 2025)]]);
    expect(recordFindings(records.get(2024)!, 'f')).toEqual([]);
    const [finding] = chainFindings(records, new Set(), (y) => `closed/${y}.json`);
    expect(finding).toMatchObject({ year: 2025, kind: 'chain', file: 'closed/2025.json' });
    expect(finding!.message).toContain('2025 länkar till en stängning av 2024 som öppnades igen 2025-06-01');
  });

  it('a history that does not match the closing, and a first year that links nowhere, are findings', () => {
    const reopened = { closing: y2024, reopened: { by: 'Per Ek', at: '2025-06-01T08:00:00.000Z', reason: 'Rättelse' } };
    const again = closing(2024, { 'answers/2024/a.json': 'A2' }, null, reopened);
    const forged = recordOf(again, 2024, [{ ...reopened, reopened: { ...reopened.reopened, reason: 'Något annat' } }]);
    expect(recordFindings(forged, 'f').map((f) => f.kind)).toEqual(['history']);
    const silent = recordOf(closing(2024, { 'answers/2024/a.json': 'A2' }, null), 2024, [reopened]);
    expect(recordFindings(silent, 'f')[0]!.message).toContain('historiken har en öppning (2025-06-01 av Per Ek) som stängningen inte nämner');
    const unlinked = closing(2025, { 'answers/2025/a.json': 'A' }, null);
    const records = new Map([[2024, recordOf(y2024, 2024)], [2025, recordOf(unlinked, 2025)]]);
    expect(chainFindings(records, new Set(), String)[0]!.message).toBe('kedjan är bruten: 2025 länkar inte till något tidigare år, men 2024 är stängt');
  });

  it('names every changed file and catalogue change against the files as they are', () => {
    const now = { files: { 'answers/2024/a.json': 'x' }, catalogue: { checklists: 'workspace' as const, rules: 'bundled' as const, versions: { dso: '2026.1' }, files: {} } };
    const findings = fileFindings(2024, y2024, now);
    expect(findings.map((f) => [f.kind, f.file])).toEqual([
      ['changed', 'answers/2024/a.json'],
      ['catalogue', 'checklists/dso.json'],
      ['catalogue', 'checklists/dso.json'],
    ]);
    expect(findings[1]!.message).toBe('katalogfilen är borttagen sedan 2024 stängdes (2025-03-14 av Eva Ek); 2024 års resultat kan bli ett annat än det nämnden fick');
    expect(findings[2]!.message).toBe('katalogen dso hade version 2025.1 när 2024 stängdes, nu 2026.1');
    // The same files from another place judge the same: a note, not a finding.
    expect(catalogueNotes(2024, y2024, now)).toEqual(['2024 stängdes med efterlevs inbyggda checklistor, nu gäller arbetsytans egna.']);
  });

  it('an Ed25519 signature holds for its manifest and key only', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const other = generateKeyPairSync('ed25519').publicKey;
    const sig = signManifest(y2024.manifest, privateKey);
    expect(checkSignature(y2024.manifest, sig, publicKey)).toBe('valid');
    expect(checkSignature({ ...y2024.manifest, closedBy: 'Någon' }, sig, publicKey)).toBe('bad');
    expect(checkSignature(y2024.manifest, sig, other)).toBe('other-key');
  });
});
