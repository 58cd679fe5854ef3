import { randomBytes } from 'node:crypto';
import { closeSync, constants, lstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, utimesSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { InvalidInputError, StoppedError } from '../errors.js';
import { m } from '../ui/i18n.js';
import { shownPath } from './paths.js';
import { notice } from './notices.js';

/**
 * An inter-process lock on one workspace file: a folder `<file>.lock` made with mkdir (atomic on
 * every file system we run on) holding `owner.json` with the holder's pid, host and a random token.
 *
 * Why not proper-lockfile, which this project used before: it cannot say who holds a lock, so a
 * lock left by a dead process is only taken over after the stale time and a future-dated one never;
 * and a holder cannot check that the lock is still its own just before it renames, which is exactly
 * what a writer paused past the stale time (Ctrl-Z, a sleeping laptop) must do. Here the holder
 * proves ownership by its token right before every commit, and losing the lock is a clean stop.
 */

/** How old a lock must be before it counts as abandoned. EFTERLEV_LOCK_STALE_MS shortens it (down to 1 s) for tests. */
export const STALE_MS = Math.max(1000, Number(process.env['EFTERLEV_LOCK_STALE_MS']) || 10_000);

/**
 * How long a writer waits for a busy lock before it gives up (the holder of a live lock writes in
 * milliseconds). EFTERLEV_LOCK_WAIT_MS sets it, for tests.
 */
const WAIT_MS = Number(process.env['EFTERLEV_LOCK_WAIT_MS']) || Math.max(30_000, 3 * STALE_MS);

interface Owner {
  pid: number;
  host: string;
  token: string;
  since: string;
}

export interface HeldLock {
  readonly file: string;
  /** Throws StoppedError when the lock is no longer this process's: it was taken over while we were stopped. */
  verify(): void;
  release(): void;
}

const lockDirOf = (file: string): string => `${file}.lock`;
const ownerFileOf = (file: string): string => `${lockDirOf(file)}/owner.json`;

const held = new Set<LockImpl>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Ctrl-C, an error, a normal end: a lock this process holds never outlives it.
  process.on('exit', () => {
    for (const lock of [...held]) lock.release();
  });
}

function localTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

function readOwner(file: string): Owner | undefined {
  let fd: number;
  try {
    fd = openSync(ownerFileOf(file), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const buf = Buffer.alloc(1024);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const value = JSON.parse(buf.subarray(0, n).toString('utf8')) as Partial<Owner>;
    return typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.token === 'string' && typeof value.since === 'string'
      ? (value as Owner)
      : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const describeOwner = (o: Owner | undefined): string => (o === undefined ? m().lk_unknownProcess : m().lk_process(o.pid, o.host));

class LockImpl implements HeldLock {
  private timer: NodeJS.Timeout | undefined;
  private released = false;

  constructor(
    readonly file: string,
    private readonly token: string,
  ) {
    this.timer = setInterval(() => this.beat(), Math.max(250, Math.floor(STALE_MS / 3)));
    this.timer.unref();
    held.add(this);
  }

  private ours(): boolean {
    return readOwner(this.file)?.token === this.token;
  }

  /** Keeps a live lock fresh, so nobody takes it for abandoned. */
  private beat(): void {
    if (this.released || !this.ours()) return;
    try {
      const now = new Date();
      utimesSync(lockDirOf(this.file), now, now);
    } catch {
      // verify() will tell.
    }
  }

  verify(): void {
    if (this.released || !this.ours()) {
      throw new StoppedError(
        m().lk_takenOver(shownPath(this.file), STALE_MS / 1000),
        m().lk_takenOverHint,
      );
    }
    this.beat();
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    clearInterval(this.timer);
    held.delete(this);
    if (!this.ours()) return; // someone else's now: leave it
    try {
      rmSync(lockDirOf(this.file), { recursive: true, force: true });
    } catch {
      // A lock folder left behind is stale after STALE_MS and taken over then.
    }
  }
}

type Verdict = { kind: 'wait'; owner: Owner | undefined } | { kind: 'take'; why: string };

/** What to do about a lock someone else holds. */
function judge(file: string, now: number): Verdict | { kind: 'gone' } {
  let stats;
  try {
    stats = lstatSync(lockDirOf(file));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'gone' };
    throw err;
  }
  if (!stats.isDirectory() || stats.isSymbolicLink()) {
    throw new InvalidInputError([{ file: shownPath(lockDirOf(file)), message: m().lk_notAFolder }]);
  }
  const owner = readOwner(file);
  const touched = stats.mtimeMs;
  if (owner !== undefined && owner.host === hostname() && owner.pid !== process.pid && !isAlive(owner.pid)) {
    return { kind: 'take', why: m().lk_whyDead(owner.pid, localTime(Date.parse(owner.since))) };
  }
  if (touched - now > STALE_MS) {
    return { kind: 'take', why: m().lk_whyFuture(localTime(touched)) };
  }
  if (now - touched > STALE_MS) {
    return { kind: 'take', why: m().lk_whyStale(localTime(touched), describeOwner(owner)) };
  }
  return { kind: 'wait', owner };
}

/** Removes an abandoned lock: renamed away first, so that two processes taking it over cannot both succeed. */
function takeOver(file: string): boolean {
  const trash = `${lockDirOf(file)}.stale-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(lockDirOf(file), trash);
  } catch {
    return false;
  }
  rmSync(trash, { recursive: true, force: true });
  return true;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Takes the lock on a file, waiting while a live process holds it. A lock left by a dead process
 * on this machine is taken over at once, an abandoned or future-dated one after saying so.
 * `wait: false` returns undefined instead of waiting.
 */
export async function acquireLock(file: string, options: { wait?: boolean } = {}): Promise<HeldLock | undefined> {
  const wait = options.wait ?? true;
  const deadline = Date.now() + WAIT_MS;
  let delay = 5;
  let told = false;
  for (;;) {
    try {
      mkdirSync(lockDirOf(file), { mode: 0o700 });
      const token = randomBytes(16).toString('hex');
      const fd = openSync(ownerFileOf(file), constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
      try {
        writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), token, since: new Date().toISOString() } satisfies Owner));
      } finally {
        closeSync(fd);
      }
      installExitHook();
      return new LockImpl(file, token);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const verdict = judge(file, Date.now());
    if (verdict.kind === 'gone') continue;
    if (verdict.kind === 'take') {
      if (takeOver(file)) notice(m().lk_tookOver(shownPath(file), verdict.why));
      continue;
    }
    if (!wait) return undefined;
    if (Date.now() > deadline) {
      throw new StoppedError(
        m().lk_locked(shownPath(file), describeOwner(verdict.owner), verdict.owner ? localTime(Date.parse(verdict.owner.since)) : undefined),
        m().lk_lockedHint,
      );
    }
    if (!told && Date.now() + WAIT_MS - deadline > 1500) {
      told = true;
      notice(m().lk_waiting(describeOwner(verdict.owner), shownPath(file)));
    }
    await sleep(delay + Math.random() * delay);
    delay = Math.min(200, delay * 1.5);
  }
}
