import { m } from '../ui/i18n.js';
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { InvalidInputError } from '../errors.js';
import { megabytes } from './files.js';
import { MAX_INPUT_BYTES } from './json-file.js';

/** How far a zip archive (an XLSX workbook) may unpack: a handlingsplan of 1 000 services unpacks to 6 MB. */
export interface ZipLimits {
  unpackedBytes: number;
  entries: number;
}
export const ZIP_LIMITS: ZipLimits = { unpackedBytes: 25 * 1024 * 1024, entries: 10_000 };

const MAX32 = 0xffffffff;
const SIGNATURE = { local: 0x04034b50, central: 0x02014b50, end: 0x06054b50, end64: 0x06064b50, locator64: 0x07064b50 };

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  packedSize: number;
  size: number;
  localOffset: number;
}


/**
 * Reads a zip archive named on the command line, at most MAX_INPUT_BYTES, and checks that every
 * entry really unpacks within the limits before any library inflates it: the sizes an archive
 * declares are checked first, then each entry is inflated with its declared size as a hard cap.
 */
export function readBoundedZip(path: string, shown: string, limits: ZipLimits = ZIP_LIMITS): Buffer {
  const bytes = readBoundedFile(path, shown);
  checkZip(bytes, shown, limits);
  return bytes;
}

function readBoundedFile(path: string, shown: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_INPUT_BYTES) {
      throw new InvalidInputError([{ file: shown, message: m().zip_tooLarge(megabytes(size), megabytes(MAX_INPUT_BYTES)) }]);
    }
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function checkZip(zip: Buffer, shown: string, limits: ZipLimits = ZIP_LIMITS): void {
  const refuse = (message: string) => new InvalidInputError([{ file: shown, message }]);
  let entries: ZipEntry[];
  let directoryStart: number;
  try {
    ({ entries, directoryStart } = centralDirectory(zip, shown, limits));
  } catch (err) {
    if (err instanceof InvalidInputError) throw err;
    // A read past the end of the buffer: offsets in the archive point nowhere.
    throw refuse(m().zip_directoryOutside);
  }
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > limits.unpackedBytes) {
    throw refuse(
      m().zip_unpacksTo(megabytes(declared), megabytes(limits.unpackedBytes)),
    );
  }
  for (const entry of entries) checkEntry(zip, entry, directoryStart, refuse);
}

function centralDirectory(zip: Buffer, shown: string, limits: ZipLimits): { entries: ZipEntry[]; directoryStart: number } {
  const refuse = (message: string) => new InvalidInputError([{ file: shown, message }]);
  const broken = () => refuse(m().zip_directoryWrong);
  const end = lastSignature(zip, SIGNATURE.end);
  if (end === -1) {
    // Password-protected workbooks and old .xls files are OLE compound files, not zip archives.
    const ole = zip.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    throw refuse(
      ole
        ? m().zip_passwordOrXls
        : m().zip_notXlsx,
    );
  }
  let count = zip.readUInt16LE(end + 10);
  let size = zip.readUInt32LE(end + 12);
  let start = zip.readUInt32LE(end + 16);
  let directoryEnd = end;
  if (count === 0xffff || size === MAX32 || start === MAX32) {
    const locator = end - 20;
    if (locator < 0 || zip.readUInt32LE(locator) !== SIGNATURE.locator64) throw broken();
    const end64 = Number(zip.readBigUInt64LE(locator + 8));
    if (end64 + 56 > locator || zip.readUInt32LE(end64) !== SIGNATURE.end64) throw broken();
    count = Number(zip.readBigUInt64LE(end64 + 32));
    size = Number(zip.readBigUInt64LE(end64 + 40));
    start = Number(zip.readBigUInt64LE(end64 + 48));
    directoryEnd = end64;
  }
  // Strict layout: entries, then the directory, then its end. Anything else could make another
  // zip reader see other entries than the ones checked here.
  if (start + size !== directoryEnd) throw broken();
  if (count > limits.entries) throw refuse(m().zip_tooManyParts(count, limits.entries));
  const entries: ZipEntry[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directoryEnd || zip.readUInt32LE(at) !== SIGNATURE.central) throw broken();
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const entry: ZipEntry = {
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      flags: zip.readUInt16LE(at + 8),
      method: zip.readUInt16LE(at + 10),
      packedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
    };
    readZip64Sizes(zip.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + zip.readUInt16LE(at + 32);
  }
  if (at !== directoryEnd) throw broken();
  return { entries, directoryStart: start };
}

/** The 64-bit sizes and offset a zip64 extra field holds for the 32-bit fields set to 0xFFFFFFFF. */
function readZip64Sizes(extra: Buffer, entry: ZipEntry): void {
  if (entry.size !== MAX32 && entry.packedSize !== MAX32 && entry.localOffset !== MAX32) return;
  for (let at = 0; at + 4 <= extra.length; at += 4 + extra.readUInt16LE(at + 2)) {
    if (extra.readUInt16LE(at) !== 0x0001) continue;
    let field = at + 4;
    const next = (): number => {
      const value = Number(extra.readBigUInt64LE(field));
      field += 8;
      return value;
    };
    if (entry.size === MAX32) entry.size = next();
    if (entry.packedSize === MAX32) entry.packedSize = next();
    if (entry.localOffset === MAX32) entry.localOffset = next();
    return;
  }
}

function checkEntry(zip: Buffer, entry: ZipEntry, directoryStart: number, refuse: (message: string) => InvalidInputError): void {
  const broken = () => refuse(m().zip_brokenEntry(entry.name));
  if ((entry.flags & 1) !== 0) throw refuse(m().zip_encrypted(entry.name));
  const local = entry.localOffset;
  if (local + 30 > directoryStart || zip.readUInt32LE(local) !== SIGNATURE.local) throw broken();
  const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  const dataEnd = dataStart + entry.packedSize;
  if (dataEnd > directoryStart) throw broken();
  if (entry.method === 0) {
    if (entry.packedSize !== entry.size) throw broken();
    return;
  }
  if (entry.method !== 8) throw refuse(m().zip_method(entry.name, entry.method));
  let unpacked: Buffer;
  try {
    unpacked = inflateRawSync(zip.subarray(dataStart, dataEnd), { maxOutputLength: Math.max(1, entry.size) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw refuse(m().zip_moreThanSaid(entry.name, entry.size));
    }
    throw broken();
  }
  if (unpacked.length !== entry.size) throw broken();
}

function lastSignature(zip: Buffer, signature: number): number {
  // The end record is 22 bytes plus a comment of at most 65 535.
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === signature) return at;
  }
  return -1;
}
