import { chmodSync, existsSync, lstatSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { UsageError } from '../errors.js';
import { readRegularFile, writeFileAtomically } from '../io/files.js';
import { decodeText } from '../io/json-file.js';
import { inputFile } from '../io/paths.js';
import type { Workspace } from '../store/workspace.js';
import { generateKeyPair, privateKeyFrom, publicKeyFrom } from './signature.js';
import { m } from '../ui/i18n.js';

/**
 * Key files for signing closed years. The private key never lives in the workspace: a workspace is
 * meant to be shared (in git), and a key there would sign for anyone who can read it.
 */

const inside = (path: string, root: string): boolean => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/** The real path of a file, or of its folder when the file does not exist yet. */
function realOf(path: string): string {
  if (existsSync(path)) return realpathSync(path);
  const dir = dirname(path);
  return resolve(existsSync(dir) ? realpathSync(dir) : dir, relative(dir, path));
}

const isWorkspace = (ws: Workspace): boolean => existsSync(ws.answersDir);

function refuseInsideWorkspace(ws: Workspace, path: string, what: string): void {
  if (!isWorkspace(ws)) return;
  const root = realpathSync(ws.root);
  if (inside(realOf(path), root) || inside(resolve(path), resolve(ws.root))) {
    throw new UsageError(
      m().k_insideWorkspace(what, path, ws.root),
      m().k_insideWorkspaceHint,
    );
  }
}

/** Writes a new key pair: `out` (the private key, 0600) and `out.pub` (the public key). Never overwrites. */
export function writeKeyPair(ws: Workspace, out: string): { privateFile: string; publicFile: string; fingerprint: string } {
  const privateFile = resolve(out);
  const publicFile = `${privateFile}.pub`;
  refuseInsideWorkspace(ws, privateFile, m().k_keyFile);
  for (const f of [privateFile, publicFile]) {
    let there = false;
    try {
      lstatSync(f);
      there = true;
    } catch {
      // free
    }
    if (there) throw new UsageError(m().k_exists(f), m().k_existsHint);
  }
  if (!existsSync(dirname(privateFile))) throw new UsageError(m().w_noFolder(dirname(privateFile)));
  const pair = generateKeyPair();
  writeFileAtomically(privateFile, pair.privatePem, { replace: false });
  writeFileAtomically(publicFile, pair.publicPem, { replace: false });
  chmodSync(publicFile, 0o644);
  return { privateFile, publicFile, fingerprint: pair.fingerprint };
}

function keyText(file: string): { text: string; shown: string; path: string } {
  const { path, shown } = inputFile(file);
  return { text: decodeText(readRegularFile(path, shown, { followLinks: true, maxBytes: 64 * 1024 }).bytes, shown), shown, path };
}

/** The private key to sign with; refused when it lies in the workspace. Warns when others may read it. */
export function readSigningKey(ws: Workspace, file: string, warn: (line: string) => void): KeyObject {
  const { text, shown, path } = keyText(file);
  refuseInsideWorkspace(ws, path, m().k_key);
  const mode = lstatSync(realpathSync(path)).mode & 0o777;
  if ((mode & 0o077) !== 0) warn(m().k_readableByOthers(shown, mode.toString(8).padStart(4, '0')));
  return privateKeyFrom(text, shown);
}

export function readPublicKey(file: string): KeyObject {
  const { text, shown } = keyText(file);
  return publicKeyFrom(text, shown);
}
