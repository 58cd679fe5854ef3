import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  readSync,
  renameSync,
  unlinkSync,
  writeSync,
  type BigIntStats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { InvalidInputError } from '../errors.js';
import { decimal, m, outputLang } from '../ui/i18n.js';

/** Larger input files are refused, and the limit is enforced while reading: no catalogue or answer file comes near. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

/**
 * A size in MB for a message, with one decimal when it is not whole: 11,000,000 bytes are
 * "10,5" (not "10", which would read as within a limit of 10).
 */
export function megabytes(bytes: number): string {
  // Rounded up: every size shown stands beside a limit it is over, and must not read as equal to it.
  const value = Math.ceil((bytes / 1024 / 1024) * 10) / 10;
  return decimal(value, outputLang());
}

/** Where a file stood when it was read: a write compares it again just before it replaces the file. */
export interface FileIdentity {
  dev: bigint;
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
}

const identityOfStats = (s: BigIntStats): FileIdentity => ({ dev: s.dev, ino: s.ino, size: s.size, mtimeNs: s.mtimeNs, ctimeNs: s.ctimeNs });

export function sameIdentity(a: FileIdentity | undefined, b: FileIdentity | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;
}

/** The identity of what stands at a path now, without following a link; undefined when nothing does. */
export function identityAt(path: string): FileIdentity | undefined {
  try {
    return identityOfStats(lstatSync(path, { bigint: true }));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** What a non-regular file is, in the words of a message. */
export function kindOf(s: { isSymbolicLink(): boolean; isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (s.isSymbolicLink()) return m().io_kindLink;
  if (s.isDirectory()) return m().io_kindFolder;
  if (s.isFIFO()) return m().io_kindFifo;
  if (s.isSocket()) return m().io_kindSocket;
  if (s.isCharacterDevice() || s.isBlockDevice()) return m().io_kindDevice;
  return m().io_kindOther;
}

export interface ReadOptions {
  /** A file the user names on the command line may be reached through a link; workspace files never. */
  followLinks?: boolean;
  maxBytes?: number;
}

const CHUNK = 64 * 1024;

/**
 * Reads a regular file with a hard size limit, enforced while reading (a pipe or a growing file
 * cannot get past it). Opening never blocks (a FIFO is refused, not waited on) and, unless asked,
 * never follows a link. Returns the bytes and the identity of the file they came from.
 * Throws InvalidInputError for anything but a regular file within the limit; ENOENT as it is.
 */
export function readRegularFile(path: string, shown: string, options: ReadOptions = {}): { bytes: Buffer; identity: FileIdentity } {
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | (options.followLinks ? 0 : constants.O_NOFOLLOW));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') {
      throw new InvalidInputError([{ file: shown, message: m().io_isLink }]);
    }
    throw err;
  }
  try {
    const stats = fstatSync(fd, { bigint: true });
    if (!stats.isFile()) throw new InvalidInputError([{ file: shown, message: m().io_isNotRegular(kindOf(stats)) }]);
    const tooBig = (size?: number) =>
      new InvalidInputError([{ file: shown, message: m().io_tooLarge(size !== undefined ? `${megabytes(size)} MB` : undefined, `${megabytes(maxBytes)} MB`) }]);
    if (stats.size > BigInt(maxBytes)) throw tooBig(Number(stats.size));
    const chunks: Buffer[] = [];
    let total = 0;
    // The first read asks for the whole file and one byte more, so a file that grew meanwhile
    // reads on; a short read of a regular file is its end. Most files take one read, no copy.
    let want = Math.min(Number(stats.size) + 1, maxBytes + 1);
    for (;;) {
      const chunk = Buffer.allocUnsafe(want);
      want = CHUNK;
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw tooBig();
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      if (n < chunk.length) break;
    }
    return { bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total), identity: identityOfStats(stats) };
  } finally {
    closeSync(fd);
  }
}

/** A file written in full beside its target, not yet in place. */
export interface PreparedFile {
  target: string;
  temp: string;
  /** The temporary file's identity: once renamed, the target has it. */
  identity: FileIdentity;
}

/** `.<name>.<random>.tmp` in the target's own folder, so the rename stays on one file system. */
export function tempNameFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

export const TEMP_FILE = /^\..+\.[0-9a-f]{12}\.tmp$/;

/** A new owner-only file, created exclusively: a name planted in advance, link or not, makes it fail instead of being followed. */
const openExclusive = (path: string): number => openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);

/**
 * Writes data to a fresh temporary file beside the target: created exclusively (a name planted
 * in advance, link or not, makes it fail instead of being followed), owner-only, fsynced.
 */
export function prepareFile(target: string, data: string | Uint8Array): PreparedFile {
  const temp = tempNameFor(target);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const fd = openExclusive(temp);
  try {
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    const identity = identityOfStats(fstatSync(fd, { bigint: true }));
    closeSync(fd);
    return { target, temp, identity };
  } catch (err) {
    closeSync(fd);
    discardPrepared({ target, temp });
    throw err;
  }
}

export function discardPrepared(file: { temp: string; target?: string }): void {
  try {
    unlinkSync(file.temp);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

/** Makes renames and new names in a folder durable. Some file systems cannot sync a folder; that is not an error. */
export function syncFolder(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, constants.O_RDONLY | constants.O_DIRECTORY);
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch (err) {
    if (!['EINVAL', 'ENOTSUP', 'EISDIR', 'EBADF'].includes((err as NodeJS.ErrnoException).code ?? '')) throw err;
  } finally {
    closeSync(fd);
  }
}

/** Puts a prepared file in place: a rename replaces whatever stands there (a link too) without following it. */
export function commitPrepared(file: PreparedFile): void {
  renameSync(file.temp, file.target);
}

/**
 * Puts a prepared file in place only if nothing stands there yet: a hard link is created
 * atomically or fails with EEXIST, so an existing file is never replaced.
 */
export function commitPreparedNew(file: PreparedFile): void {
  try {
    linkSync(file.temp, file.target);
  } finally {
    discardPrepared(file);
  }
}

/** The one way a single file is written: temp file, fsync, rename, folder fsync. */
export function writeFileAtomically(target: string, data: string | Uint8Array, options: { replace: boolean } = { replace: true }): void {
  putInPlace(prepareFile(target, data), options.replace);
}

/** A prepared file in place (replacing, or only where nothing stands), the folder made durable; on failure the temp file is gone. */
function putInPlace(prepared: PreparedFile, replace: boolean): void {
  try {
    if (replace) commitPrepared(prepared);
    else commitPreparedNew(prepared);
  } catch (err) {
    discardPrepared(prepared);
    throw err;
  }
  syncFolder(dirname(prepared.target));
}

/**
 * The same writer for a file too large to hold in memory (a city's handlingsplan workbook):
 * `produce` streams the bytes into a fresh temporary file beside the target, created exclusively
 * and owner-only (never through a link), then it is fsynced and put in place as writeFileAtomically
 * does. `produce` resolves once it has ended the stream it is given; on any failure the temporary
 * file is removed and the target is untouched.
 */
export async function writeStreamAtomically(target: string, produce: (out: Writable) => Promise<void>, options: { replace: boolean } = { replace: true }): Promise<void> {
  const temp = tempNameFor(target);
  const fd = openExclusive(temp);
  let open = true;
  let prepared: PreparedFile;
  try {
    const out = new Writable({
      write(chunk: Buffer, _encoding, done) {
        try {
          let written = 0;
          while (written < chunk.length) written += writeSync(fd, chunk, written, chunk.length - written);
          done();
        } catch (err) {
          done(err as Error);
        }
      },
    });
    const finished = new Promise<void>((resolve, reject) => {
      out.on('finish', resolve);
      out.on('error', reject);
    });
    await produce(out);
    await finished;
    fsyncSync(fd);
    prepared = { target, temp, identity: identityOfStats(fstatSync(fd, { bigint: true })) };
    open = false;
    closeSync(fd);
  } catch (err) {
    if (open) closeSync(fd);
    discardPrepared({ target, temp });
    throw err;
  }
  putInPlace(prepared, options.replace);
}
