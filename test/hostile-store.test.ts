import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT, copyExampleWorkspace, readJson, removeDir, run, snapshot, tempDir } from './helpers.js';

/**
 * The attacks of issue 9 on the store and the files it reads and writes, through the real CLI:
 * planted links, special files, paused and killed writers, stolen and odd locks, interrupted
 * multi-file writes, unbounded input, hostile export targets.
 */

let ws: string;
let outside: string;
beforeEach(() => {
  ws = copyExampleWorkspace();
  outside = tempDir('efterlev-outside-');
});
afterEach(() => {
  removeDir(ws);
  removeDir(outside);
});

type Stored = { answers: Record<string, { value: unknown; by: string }>; history: { question: string; value: unknown }[] };
const answerFile = (year: number, service: string) => join(ws, 'answers', String(year), `${service}.json`);
const stored = (year: number, service: string) => readJson<Stored>(answerFile(year, service));
const cli = (args: string[], env: Record<string, string> = {}, input?: string) => run(['--dir', ws, ...args], { env, ...(input !== undefined ? { input } : {}) });
const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at |oväntat fel|ECOMPROMISED/);

function spawnCli(args: string[], env: Record<string, string>): { child: ChildProcess; done: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [BIN, '--dir', ws, ...args], { env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return { child, done: new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr }))) };
}

/** Waits until a child process has stopped itself (state T in /proc). */
async function stopped(pid: number): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
    if (state === 'T') return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`process ${pid} did not stop`);
}

describe('links and special files in the workspace', () => {
  it('a link planted at the temp name is refused by every command and nothing is written through it', async () => {
    const target = join(outside, 'bashrc');
    writeFileSync(target, 'export PATH=/usr/bin\n', { mode: 0o644 });
    symlinkSync(target, join(ws, 'answers', '2025', '.office365.json.tmp'));
    const before = snapshot(join(ws, 'answers', '2025'));
    for (const args of [['answer', '--year', '2025', '--service', 'office365', 'LOG.1=ja'], ['score', '--year', '2025'], ['show', '--year', '2025', '--service', 'office365'], [], ['export', '--year', '2025', '--format', 'csv']]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('answers/2025/.office365.json.tmp: är en symbolisk länk');
      noStackTrace(r.stderr);
    }
    expect(snapshot(join(ws, 'answers', '2025'))).toEqual(before);
    expect(readFileSync(target, 'utf8')).toBe('export PATH=/usr/bin\n');
    expect(statSync(target).mode & 0o777).toBe(0o644);
    expect(lstatSync(answerFile(2025, 'office365')).isFile()).toBe(true);
    const v = await cli(['validate']);
    expect(v.code).toBe(2);
    expect(v.stderr).toContain('.office365.json.tmp: är en symbolisk länk');
  });

  it('refuses an answer file, a year folder or the register that is a link', async () => {
    const real = join(outside, 'telefoni.json');
    cpSync(answerFile(2025, 'telefoni'), real);
    const link = answerFile(2025, 'telefoni');
    removeDir(link);
    symlinkSync(real, link);
    const r = await cli(['answer', '--year', '2025', '--service', 'telefoni', 'LOG.1=nej']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('answers/2025/telefoni.json: är en symbolisk länk');
    expect(readFileSync(real, 'utf8')).toBe(readFileSync(join(ROOT, 'answers', '2025', 'telefoni.json'), 'utf8'));

    symlinkSync(outside, join(ws, 'answers', '2026'));
    const s = await cli(['score', '--year', '2026']);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('answers/2026: är en symbolisk länk');
  });

  it('refuses a FIFO among the answers or in the workspace rules without hanging', async () => {
    execFileSync('mkfifo', [join(ws, 'answers', '2025', 'fifo.json')]);
    const r = await cli(['score', '--year', '2025']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('answers/2025/fifo.json: är en namngiven pipe (FIFO)');

    const own = tempDir();
    try {
      cpSync(join(ROOT, 'answers'), join(own, 'answers'), { recursive: true });
      cpSync(join(ROOT, 'checklists'), join(own, 'checklists'), { recursive: true });
      cpSync(join(ROOT, 'rules'), join(own, 'rules'), { recursive: true });
      execFileSync('mkfifo', [join(own, 'rules', 'itsak', 'ZZZ.json')]);
      const v = await run(['--dir', own, 'validate']);
      expect(v.code).toBe(2);
      expect(v.stderr).toContain('rules/itsak/ZZZ.json: är en namngiven pipe (FIFO)');
    } finally {
      removeDir(own);
    }
  });
});

describe('a writer paused inside its lock', () => {
  const env = { EFTERLEV_LOCK_STALE_MS: '1000' };

  it('loses the lock cleanly: nothing written, a Swedish message, exit 1; the other writer keeps its answer', async () => {
    const paused = spawnCli(['answer', '--year', '2025', '--service', 'telefoni', 'LOG.1=nej', '--reviewer', 'pausad'], { ...env, EFTERLEV_TEST_STOP_AT: 'after-read' });
    await stopped(paused.child.pid!);
    await new Promise((r) => setTimeout(r, 1300));
    const other = await cli(['answer', '--year', '2025', '--service', 'telefoni', 'LOG.2=nej', '--reviewer', 'andra'], env);
    expect(other.code, other.stderr).toBe(0);
    expect(other.stderr).toMatch(/tog över låset på .*telefoni\.json, inte förnyat sedan/);
    paused.child.kill('SIGCONT');
    const result = await paused.done;
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('togs över av en annan process medan efterlev stod still');
    expect(result.stderr).toContain('Ingenting skrevs');
    noStackTrace(result.stderr);
    const file = stored(2025, 'telefoni');
    expect(file.answers['LOG.2']).toMatchObject({ value: 'nej', by: 'andra' });
    expect(file.answers['LOG.1']?.by).not.toBe('pausad');
    expect((await cli(['validate'])).code).toBe(0);
  });

  it('survives writers stopped and continued at random moments: every file parses, no stack trace', async () => {
    for (let trial = 0; trial < 8; trial++) {
      const a = spawnCli(['answer', '--year', '2027', '--service', 'office365', `LOG.1=${trial % 2 ? 'ja' : 'nej'}`], env);
      setTimeout(() => a.child.kill('SIGSTOP'), 40 + trial * 23);
      await new Promise((r) => setTimeout(r, 400 + trial * 23));
      const b = await cli(['answer', '--year', '2027', '--service', 'office365', `LOG.2=${trial % 2 ? 'ja' : 'nej'}`], env);
      a.child.kill('SIGCONT');
      const ra = await a.done;
      expect([0, 1]).toContain(ra.code);
      noStackTrace(ra.stderr);
      expect(b.code, b.stderr).toBe(0);
      expect(() => JSON.parse(readFileSync(answerFile(2027, 'office365'), 'utf8'))).not.toThrow();
      expect(stored(2027, 'office365').answers['LOG.2']?.value).toBe(trial % 2 ? 'ja' : 'nej');
    }
  }, 120_000);
});

describe('plan import and plan set at the same time', () => {
  it('a follow-up set while an import was working is never overwritten: the import stops, writing nothing', async () => {
    const id = 'personec-p:LOG-kanslig-utan-loggranskning';
    const out = join(outside, 'hp.csv');
    expect((await cli(['export', '--year', '2025', '--format', 'csv', '--out', out])).code).toBe(0);
    writeFileSync(out, readFileSync(out, 'utf8').replace(/(personec-p:LOG-kanslig-utan-loggranskning;[^\r]*?);Pågår;/, '$1;Klar;'));
    const importing = spawnCli(['plan', 'import', out, '--year', '2025'], { EFTERLEV_TEST_STOP_AT: 'before-lock' });
    await stopped(importing.child.pid!);
    const set = await cli(['plan', 'set', id, '--year', '2025', '--note', 'Ändrad av Anna under importen', '--reviewer', 'anna']);
    expect(set.code, set.stderr).toBe(0);
    importing.child.kill('SIGCONT');
    const r = await importing.done;
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Uppföljningen ändrades av någon annan medan kommandot arbetade');
    expect(r.stderr).toContain(`${id} (anna,`);
    noStackTrace(r.stderr);
    const plan = readJson<{ actions: Record<string, { note?: string; status: string }> }>(join(ws, 'answers', 'plan', '2025.json'));
    expect(plan.actions[id]).toMatchObject({ note: 'Ändrad av Anna under importen', status: 'pågår' });
  });
});

describe('odd locks', () => {
  const lockDir = () => `${answerFile(2025, 'telefoni')}.lock`;
  const plantLock = (owner: object, mtime?: Date) => {
    mkdirSync(lockDir());
    writeFileSync(join(lockDir(), 'owner.json'), JSON.stringify(owner));
    if (mtime) utimesSync(lockDir(), mtime, mtime);
  };

  it('takes over at once a lock left by a process that no longer exists, and says so', async () => {
    plantLock({ pid: 4_000_000, host: hostname(), token: 'x', since: '2026-11-30T10:00:00.000Z' });
    const start = Date.now();
    const r = await cli(['answer', '--year', '2025', '--service', 'telefoni', 'LOG.1=nej']);
    expect(r.code, r.stderr).toBe(0);
    expect(Date.now() - start).toBeLessThan(5000);
    expect(r.stderr).toContain('lämnat av process 4000000 som inte längre finns');
    expect(existsSync(lockDir())).toBe(false);
  });

  it('takes over a lock dated in the future, and says that a clock is wrong', async () => {
    plantLock({ pid: 1, host: 'annan-dator', token: 'x', since: '2026-11-30T10:00:00.000Z' }, new Date(Date.now() + 3_600_000));
    const r = await cli(['answer', '--year', '2025', '--service', 'telefoni', 'LOG.1=nej']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('med en tid i framtiden');
    expect(r.stderr).toContain('en klocka går fel');
  });

  it('waits for a live holder and gives up with a message naming it, writing nothing', async () => {
    plantLock({ pid: process.pid, host: hostname(), token: 'x', since: new Date().toISOString() });
    const keepAlive = setInterval(() => utimesSync(lockDir(), new Date(), new Date()), 100);
    try {
      const before = snapshot(join(ws, 'answers'));
      const r = await cli(['answer', '--year', '2025', '--service', 'telefoni', 'LOG.1=nej'], { EFTERLEV_LOCK_WAIT_MS: '2500', EFTERLEV_LOCK_STALE_MS: '1000' });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`väntar på att process ${process.pid} på ${hostname()} ska bli klar`);
      expect(r.stderr).toContain(`är låst av process ${process.pid} på ${hostname()}`);
      noStackTrace(r.stderr);
      expect(snapshot(join(ws, 'answers'))).toEqual(before);
    } finally {
      clearInterval(keepAlive);
    }
  });
});

describe('import is all or nothing', () => {
  const csv = (rows: string[]) => {
    const path = join(outside, 'svar.csv');
    writeFileSync(path, ['service;question;value;comment', ...rows].join('\n') + '\n');
    return path;
  };

  it('with a broken answer file for a later service, writes nothing and says so truthfully', async () => {
    writeFileSync(answerFile(2025, 'telefoni'), '{ "service": "telefoni", ');
    const before = snapshot(join(ws, 'answers'));
    const r = await cli(['import', '--year', '2025', csv(['digitala-navet;LOG.1;nej;a', 'telefoni;LOG.1;nej;b'])]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ingenting har ändrats');
    expect(r.stderr).toContain('answers/2025/telefoni.json');
    expect(snapshot(join(ws, 'answers'))).toEqual(before);
  });

  it('a crash between the renames of a three-service import is completed by the next command', async () => {
    const file = csv(['digitala-navet;LOG.1;nej;x', 'office365;LOG.1;nej;x', 'telefoni;LOG.1;nej;x']);
    const killed = await cli(['import', '--year', '2025', file], { EFTERLEV_TEST_STOP_AT: 'kill-after-first-rename' });
    expect(killed.code).toBe(null);
    const values = () => ['digitala-navet', 'office365', 'telefoni'].map((s) => stored(2025, s).answers['LOG.1']?.value);
    expect(values().filter((v) => v === 'nej').length).toBe(1);
    expect(readdirSync(join(ws, 'answers', '.journal')).length).toBe(1);
    const next = await cli(['score', '--year', '2025', '--json']);
    expect(next.code).toBe(0);
    expect(next.stderr).toContain('slutförde en avbruten skrivning');
    expect(values()).toEqual(['nej', 'nej', 'nej']);
    expect(readdirSync(join(ws, 'answers', '.journal'))).toEqual([]);
    expect((await cli(['validate'])).code).toBe(0);
  });

  it('SIGKILL at random moments of an import leaves all services written or none, once the next command ran', async () => {
    const services = ['digitala-navet', 'office365', 'telefoni'];
    for (let trial = 0; trial < 12; trial++) {
      const value = trial % 2 ? 'ja' : 'nej';
      const file = csv(services.map((s) => `${s};LOG.2;${value};försök ${trial}`));
      const child = spawnCli(['import', '--year', '2025', file], {});
      setTimeout(() => child.child.kill('SIGKILL'), 150 + ((trial * 53) % 250));
      const r = await child.done;
      const after = await cli(['show', '--year', '2025', '--service', 'telefoni', '--json']);
      expect(after.code, after.stderr).toBe(0);
      const comments = services.map((s) => (stored(2025, s).answers['LOG.2'] as { comment?: string } | undefined)?.comment);
      const done = comments.filter((c) => c === `försök ${trial}`).length;
      expect([0, 3], `trial ${trial}, exit ${r.code}`).toContain(done);
      if (r.code === 0) expect(done).toBe(3);
    }
  }, 120_000);
});

describe('bounded input', () => {
  it('refuses a pipe, /dev/zero and a FIFO as import input at once, and an oversized file', async () => {
    const big = 'service;question;value;comment\n' + 'telefoni;LOG.1;ja;' + 'x'.repeat(60 * 1024 * 1024) + '\n';
    const piped = await cli(['import', '--year', '2025', '/dev/stdin'], {}, big);
    expect(piped.code).toBe(2);
    expect(piped.stderr).toContain('/dev/stdin är en pipe');
    const zero = await cli(['import', '--year', '2025', '/dev/zero']);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('/dev/zero är en enhetsfil');
    execFileSync('mkfifo', [join(outside, 'in.csv')]);
    const fifo = await cli(['import', '--year', '2025', join(outside, 'in.csv')]);
    expect(fifo.code).toBe(2);
    expect(fifo.stderr).toContain('är en pipe');
    writeFileSync(join(outside, 'big.csv'), big);
    const file = await cli(['import', '--year', '2025', join(outside, 'big.csv')]);
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(/big\.csv: filen är för stor \(60,1 MB, högst 10 MB\)/);
    expect((await cli(['score', '--year', '2025'])).code).toBe(0);
    // Just over the limit reads as over it, not as the limit itself.
    const answers = join(ws, 'answers', '2025', 'telefoni.json');
    const kept = readFileSync(answers);
    writeFileSync(answers, Buffer.concat([kept, Buffer.alloc(10 * 1024 * 1024 - kept.length + 100, 0x20)]));
    try {
      const over = await cli(['score', '--year', '2025']);
      expect(over.code).toBe(2);
      expect(over.stderr).toContain('telefoni.json: filen är för stor (10,1 MB, högst 10 MB)');
    } finally {
      writeFileSync(answers, kept);
    }
  });

  it('refuses a comment, evidence, note or observation longer than the store keeps, naming the field and place', async () => {
    const before = snapshot(join(ws, 'answers'));
    const long = 'x'.repeat(5001);
    const a = await cli(['answer', '--year', '2025', '--service', 'telefoni', 'LOG.1=ja', '--comment', long]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('--comment: kommentaren är för lång (5001 tecken, högst 5000)');
    const e = await cli(['answer', '--year', '2025', '--service', 'telefoni', 'LOG.1=ja', '--evidence', 'y'.repeat(1001)]);
    expect(e.stderr).toContain('--evidence: underlaget är för långt');
    const path = join(outside, 'lang.csv');
    writeFileSync(path, `service;question;value;comment\ntelefoni;LOG.1;ja;kort\ntelefoni;LOG.2;ja;${long}\n`);
    const i = await cli(['import', '--year', '2025', path]);
    expect(i.code).toBe(2);
    expect(i.stderr).toMatch(/lang\.csv \(rad 3\): LOG\.2: kommentaren är för lång/);
    const o = await cli(['observation', 'add', '--year', '2025', 'z'.repeat(10_001)]);
    expect(o.code).toBe(2);
    expect(o.stderr).toContain('iakttagelsen är för lång');
    expect(snapshot(join(ws, 'answers'))).toEqual(before);
  });

  it('never writes an answer file the tool would refuse to read later', async () => {
    const itsak = readJson<{ controls: { questions: { id: string; type: string }[] }[] }>(join(ROOT, 'checklists', 'itsak.json'));
    const questions = itsak.controls.flatMap((c) => c.questions).filter((q) => q.type === 'status').map((q) => q.id);
    let refused = false;
    for (let round = 0; round < 200 && !refused; round++) {
      const path = join(outside, `r${round}.csv`);
      const rows = questions.map((q, i) => `telefoni;${q};${['ja', 'nej', 'delvis'][(i + round) % 3]};${'k'.repeat(4000)}`);
      writeFileSync(path, ['service;question;value;comment', ...rows].join('\n') + '\n');
      const r = await cli(['import', '--year', '2028', path]);
      if (r.code !== 0) {
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/telefoni\.json: filen skulle bli .* MB, högst 8 MB sparas; ingenting sparades/);
        refused = true;
      }
    }
    expect(refused).toBe(true);
    const s = await cli(['score', '--year', '2028', '--service', 'telefoni']);
    expect(s.code, s.stderr).toBe(0);
  }, 300_000);
});

describe('exports are written safely', () => {
  it('never follows a link at --out, forced or not, and never hangs on a FIFO', async () => {
    const target = join(outside, 'precious.txt');
    writeFileSync(target, 'keep me');
    const link = join(outside, 'plan.csv');
    symlinkSync(target, link);
    for (const force of [[], ['--force']]) {
      const r = await cli(['export', '--year', '2025', '--format', 'csv', '--out', link, ...force]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('är en symbolisk länk');
    }
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    execFileSync('mkfifo', [join(outside, 'fifo.csv')]);
    const f = await cli(['export', '--year', '2025', '--format', 'csv', '--out', join(outside, 'fifo.csv'), '--force']);
    expect(f.code).toBe(2);
    expect(f.stderr).toContain('är en namngiven pipe (FIFO)');
  });

  it('a killed export leaves no 0-byte or half file; a forced one keeps the old file until the new is complete', async () => {
    const out = join(outside, 'plan.xlsx');
    const first = await cli(['export', '--year', '2025', '--format', 'xlsx', '--out', out]);
    expect(first.code, first.stderr).toBe(0);
    const good = readFileSync(out);
    for (let trial = 0; trial < 6; trial++) {
      const child = spawnCli(['export', '--year', '2025', '--format', 'xlsx', '--out', out, '--force'], {});
      setTimeout(() => child.child.kill('SIGKILL'), 100 + trial * 90);
      await child.done;
      const now = readFileSync(out);
      expect(now.length).toBeGreaterThan(1000);
      expect(now.subarray(0, 2).toString()).toBe('PK');
      if (!now.equals(good)) expect(now.length).toBeGreaterThan(good.length / 2);
    }
    const fresh = join(outside, 'new.csv');
    for (let trial = 0; trial < 4; trial++) {
      const child = spawnCli(['export', '--year', '2025', '--format', 'csv', '--out', fresh], {});
      setTimeout(() => child.child.kill('SIGKILL'), 60 + trial * 60);
      await child.done;
      if (existsSync(fresh)) expect(readFileSync(fresh, 'utf8')).toContain('KONFIDENTIELLT');
    }
  }, 120_000);

  it('on a full disk, --force keeps the good file and says so (skipped where tmpfs cannot be mounted)', async (ctx) => {
    const small = join(outside, 'small');
    mkdirSync(small);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8k', 'tmpfs', small], { stdio: 'ignore' });
    } catch {
      ctx.skip();
    }
    try {
      const out = join(small, 'plan.md');
      writeFileSync(out, 'gammal handlingsplan\n');
      const r = await cli(['export', '--year', '2025', '--format', 'md', '--out', out, '--force']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('Disken är full');
      expect(r.stderr).toContain('den gamla filen är orörd');
      expect(readFileSync(out, 'utf8')).toBe('gammal handlingsplan\n');
      expect(readdirSync(small)).toEqual(['plan.md']);
    } finally {
      execFileSync('umount', [small]);
    }
  });
});
