import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Table from 'cli-table3';
import { loadCatalog } from '../catalog/load.js';
import { compareYears } from '../compare/compare.js';
import { Assessor, type AssessmentInput } from '../engine/assess.js';
import { ReferenceRules } from '../engine/reference.js';
import { confidentialityNotice, namesOf, summaryRows } from '../export/columns.js';
import { handlingsplanCsv } from '../export/csv.js';
import { handlingsplanXlsx } from '../export/xlsx.js';
import { buildActions, sortActions } from '../plan/actions.js';
import { assessmentInput, assessYear, openReview, selectServices } from '../review.js';
import { checklistsFor } from '../store/answers.js';
import { PACKAGE_ROOT, resolveWorkspace } from '../store/workspace.js';
import { generateWorkspace } from './generate.js';
import { plainScore } from './plain.js';

const SERVICES = Number(process.env['BENCH_SERVICES'] ?? 1000);
const YEARS = [2023, 2024, 2025];
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const json = process.argv.includes('--json');
/** The city-scale part (issue 15): BENCH_PARTS=scale runs only it, BENCH_PARTS=base only the rest. */
const PARTS = process.env['BENCH_PARTS'] ?? 'base,scale';
const SCALE_SERVICES = Number(process.env['BENCH_SCALE_SERVICES'] ?? 10_000);
const SCALE_YEARS = [2024, 2025];
const SCALE_RUNS = Number(process.env['BENCH_SCALE_RUNS'] ?? 1);
/** The export's bar is for a handlingsplan of 60,000 actions: a workspace of about that many (some 24 a service). */
const EXPORT_SERVICES = Number(process.env['BENCH_EXPORT_SERVICES'] ?? 2_500);
/** The bars: each command within 2× the read-and-parse floor, every process at most 300 MB. */
const RATIO_BAR = 2;
const RSS_BAR_MB = 300;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const round = (n: number, d = 1): number => Math.round(n * 10 ** d) / 10 ** d;

async function time(fn: () => unknown, runs = RUNS): Promise<number> {
  const samples: number[] = [];
  await fn(); // warm-up: JIT, caches
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

function processTime(args: string[], cwd: string, runs: number, efterlev = true): number {
  const samples: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, efterlev ? [join(PACKAGE_ROOT, 'bin', 'efterlev.js'), ...args] : args, { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0) throw new Error(`efterlev ${args.join(' ')} failed: ${r.stderr.toString()}`);
    if (i > 0) samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

/** One `answer` as a whole process on a copy of the example workspace, each run changing the answer (so each run writes). */
function answerTime(runs: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'efterlev-bench-answer-'));
  try {
    cpSync(join(PACKAGE_ROOT, 'answers'), join(dir, 'answers'), { recursive: true });
    const samples: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const start = process.hrtime.bigint();
      const args = [join(PACKAGE_ROOT, 'bin', 'efterlev.js'), '--dir', dir, 'answer', '--year', '2025', '--service', 'telefoni', `LOG.1=${i % 2 ? 'ja' : 'nej'}`];
      const r = spawnSync(process.execPath, args, { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
      if (r.status !== 0) throw new Error(`efterlev answer failed: ${r.stderr.toString()}`);
      if (i > 0) samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    return median(samples);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const log = (line: string) => {
  if (!json) process.stderr.write(line + '\n');
};

interface Measured {
  ms: number;
  rssMb: number;
  failed?: string;
}

/** One whole process, its wall time and its own peak memory (written on exit by rss.js). */
function measureProcess(args: string[], cwd: string): Measured {
  const dir = mkdtempSync(join(tmpdir(), 'efterlev-bench-rss-'));
  try {
    const file = join(dir, 'rss');
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--import', pathToFileURL(join(PACKAGE_ROOT, 'dist', 'bench', 'rss.js')).href, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', EFTERLEV_BENCH_RSS: file },
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 900_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const rssMb = existsSync(file) ? Number(readFileSync(file, 'utf8')) / 1024 : NaN;
    if (r.error !== undefined || r.status !== 0) return { ms, rssMb, failed: r.error?.message ?? `exit ${r.status}: ${r.stderr.toString().slice(0, 500)}` };
    return { ms, rssMb };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** How many actions a workspace's year has (`actions --json`). */
function actionCount(root: string, year: number): number {
  const r = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'bin', 'efterlev.js'), '--dir', root, 'actions', '--year', String(year), '--json'], { env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1024 * 1024 * 1024 });
  try {
    return (JSON.parse(r.stdout.toString()) as { actions: unknown[] }).actions.length;
  } catch {
    return NaN;
  }
}

/** The median run by time of a few. */
function medianRun(runs: number, once: () => Measured): Measured {
  const all = Array.from({ length: Math.max(1, runs) }, once);
  const failed = all.find((m) => m.failed !== undefined);
  if (failed) return failed;
  return [...all].sort((a, b) => a.ms - b.ms)[(all.length - 1) >> 1]!;
}

/**
 * Issue 15: a city's roll-up, 10,000 services × 2 years. The read-and-parse floor (a plain script
 * reading and parsing the same files, as its own process) is measured in the same run, then
 * overview, compare, actions and the XLSX export of the year's actions as whole CLI processes,
 * each with its ratio to the floor and its peak memory against the bars.
 */
async function scale(catalog: ReturnType<typeof loadCatalog>): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'efterlev-bench-scale-'));
  try {
    log(`Genererar ${SCALE_SERVICES} tjänster × ${SCALE_YEARS.length} år (${root}) …`);
    const genStart = Date.now();
    generateWorkspace(root, catalog, SCALE_SERVICES, SCALE_YEARS, 20251122);
    const generateMs = Date.now() - genStart;
    const year = SCALE_YEARS.at(-1)!;
    const cli = (...args: string[]) => [join(PACKAGE_ROOT, 'bin', 'efterlev.js'), '--dir', root, ...args];
    log('Mäter golvet: läsa och tolka samma filer …');
    const floor = medianRun(3, () => measureProcess([join(PACKAGE_ROOT, 'dist', 'bench', 'floor.js'), root, ...SCALE_YEARS.map(String)], root));
    const commands: [string, string[], boolean][] = [
      ['overview', cli('overview'), true],
      ['compare', cli('compare', String(year - 1), String(year)), true],
      ['actions', cli('actions', '--year', String(year)), true],
    ];
    const rows: { name: string; m: Measured; timed: boolean }[] = [];
    for (const [name, args, timed] of commands) {
      log(`Mäter ${name} …`);
      rows.push({ name, m: medianRun(SCALE_RUNS, () => measureProcess(args, root)), timed });
    }
    const actions = actionCount(root, year);

    const exportRoot = join(root, 'export');
    log(`Genererar ${EXPORT_SERVICES} tjänster × ${SCALE_YEARS.length} år för exporten …`);
    generateWorkspace(exportRoot, catalog, EXPORT_SERVICES, SCALE_YEARS, 20251123);
    const exportActions = actionCount(exportRoot, year);
    log(`Mäter export xlsx (${exportActions} åtgärder) …`);
    const xlsx = join(exportRoot, 'handlingsplan.xlsx');
    const exportArgs = [join(PACKAGE_ROOT, 'bin', 'efterlev.js'), '--dir', exportRoot, 'export', '--year', String(year), '--format', 'xlsx', '--out', xlsx, '--force'];
    rows.push({ name: `export xlsx, ${exportActions} åtgärder`, m: medianRun(SCALE_RUNS, () => measureProcess(exportArgs, exportRoot)), timed: false });
    const figures = {
      services: SCALE_SERVICES,
      years: SCALE_YEARS.length,
      actions,
      exportActions,
      generateMs,
      floorMs: round(floor.ms),
      floorRssMb: round(floor.rssMb),
      commands: rows.map(({ name, m, timed }) => ({
        name,
        ms: round(m.ms),
        // The export reads another workspace (one of 60,000 actions): its floor is not this one.
        ratio: timed ? round(m.ms / floor.ms, 2) : null,
        rssMb: round(m.rssMb),
        timePass: timed ? m.failed === undefined && m.ms <= RATIO_BAR * floor.ms : null,
        rssPass: m.failed === undefined && m.rssMb <= RSS_BAR_MB,
        ...(m.failed ? { failed: m.failed } : {}),
      })),
    };
    if (json) {
      process.stdout.write(JSON.stringify({ scale: figures }) + '\n');
      return;
    }
    const table = new Table({ head: ['process', 'tid (ms)', '× golvet', 'mål', 'topp-RSS (MB)', 'mål', ''], style: { head: [], border: [] }, chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' } });
    table.push(['läsa + tolka (golvet)', String(figures.floorMs), '1', '', String(figures.floorRssMb), '', '']);
    for (const c of figures.commands) {
      const verdict = c.failed ? 'FAIL (fel)' : [c.timePass === null ? '' : `tid ${c.timePass ? 'PASS' : 'FAIL'}`, `minne ${c.rssPass ? 'PASS' : 'FAIL'}`].filter(Boolean).join(', ');
      table.push([c.name, String(c.ms), c.ratio === null ? '' : String(c.ratio), c.timePass === null ? '' : `≤ ${RATIO_BAR}`, String(c.rssMb), `≤ ${RSS_BAR_MB}`, verdict]);
    }
    process.stdout.write(
      `efterlev bench, stad: ${SCALE_SERVICES} tjänster × ${SCALE_YEARS.length} år, ${actions} åtgärder ${year}, hela processer (median av ${SCALE_RUNS}; golvet median av 3), genererat på ${Math.round(generateMs / 1000)} s\n${table.toString()}\n`,
    );
    for (const c of figures.commands) if (c.failed) process.stdout.write(`${c.name}: ${c.failed}\n`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (PARTS.split(',').includes('base')) await base();
  if (PARTS.split(',').includes('scale')) await scale(loadCatalog(resolveWorkspace(PACKAGE_ROOT).catalog));
}

async function base(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'efterlev-bench-'));
  try {
    // Whole processes first, while this one is still small.
    log('Mäter hela processer …');
    const nodeStartMs = processTime(['-e', '0'], PACKAGE_ROOT, 10, false);
    const versionMs = processTime(['--version'], PACKAGE_ROOT, 10);
    const exampleScoreMs = processTime(['score', '--year', '2025'], PACKAGE_ROOT, 10);
    const exampleAnswerMs = answerTime(10);

    const catalogSources = resolveWorkspace(PACKAGE_ROOT).catalog;
    const catalogLoadMs = await time(() => loadCatalog(catalogSources));
    const catalog = loadCatalog(catalogSources);

    log(`Genererar ${SERVICES} tjänster × ${YEARS.length} år …`);
    const genStart = Date.now();
    generateWorkspace(root, catalog, SERVICES, YEARS, 20251122);
    const generateMs = Date.now() - genStart;
    const ws = resolveWorkspace(root);
    const year = YEARS.at(-1)!;

    // Reading and validating one year's answer files, as every command does.
    const loadYearMs = await time(async () => {
      const review = await openReview(ws);
      return selectServices(review, year).map((s) => assessmentInput(review, s, year));
    });

    const review = await openReview(ws);
    const services = selectServices(review, year);
    const inputs: AssessmentInput[] = services.map((s) => assessmentInput(review, s, year));
    const assessor = new Assessor(catalog);
    const scoreAll = async (a: Assessor, list: readonly AssessmentInput[]) => {
      for (const input of list) await a.assess(input, checklistsFor(catalog, input.service, input.year));
    };
    const scoreYearMs = await time(() => scoreAll(assessor, inputs));
    const plainMs = await time(() => plainScore(catalog, inputs));
    const reference = new Assessor(catalog, (rules) => new ReferenceRules(rules));
    const sample = inputs.slice(0, Math.max(1, Math.round(inputs.length / 10)));
    const referenceMs = ((await time(() => scoreAll(reference, sample), 3)) * inputs.length) / sample.length;

    const fresh = () => openReview(ws);
    const actionsMs = await time(async () => buildActions(await fresh(), year, {}), 3);
    const compareMs = await time(async () => {
      const r = await fresh();
      compareYears(r.catalog, year - 1, await assessYear(r, year - 1), year, await assessYear(r, year), new Set(services.map((s) => s.id)));
    }, 3);
    // What the board's questions cost in one go: score, handlingsplan and compare, files read once.
    const orgWideMs = await time(async () => {
      const r = await fresh();
      const plan = await buildActions(r, year, {});
      compareYears(r.catalog, year - 1, await assessYear(r, year - 1), year, plan.assessed, new Set(services.map((s) => s.id)));
    }, 3);

    const plan = await buildActions(await fresh(), year, {});
    const actions = sortActions(plan.actions);
    const summary = summaryRows(catalog, plan.assessed.map((a) => a.result), actions, 'sv');
    const notice = confidentialityNotice(year, 'Benchkommunen', 'sv');
    const names = namesOf(catalog, plan.assessed.map((a) => a.service), 'sv');
    const csvMs = await time(() => handlingsplanCsv(notice, actions, summary, 'sv', names), 3);
    const xlsxMs = await time(() => handlingsplanXlsx(year, notice, actions, summary, 'sv', names), 3);

    // Peak memory of the org-wide workload as one command process would run it, cold.
    const child = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'dist', 'bench', 'orgwide.js'), root, String(year)], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`orgwide failed: ${child.stderr}`);
    const orgWideProcess = JSON.parse(child.stdout) as { ms: number; maxRssMb: number };
    const benchRssMb = process.resourceUsage().maxRSS / 1024;

    const figures = {
      services: SERVICES,
      years: YEARS.length,
      actions: actions.length,
      generateMs,
      catalogLoadMs: round(catalogLoadMs),
      loadYearMs: round(loadYearMs),
      scoreYearMs: round(scoreYearMs),
      perServiceUs: round((scoreYearMs / inputs.length) * 1000),
      plainMs: round(plainMs),
      ratioToPlain: round(scoreYearMs / plainMs, 2),
      referenceEngineMs: round(referenceMs),
      actionsMs: round(actionsMs),
      compareMs: round(compareMs),
      orgWideMs: round(orgWideMs),
      csvExportMs: round(csvMs),
      xlsxExportMs: round(xlsxMs),
      nodeStartMs: round(nodeStartMs),
      versionMs: round(versionMs),
      exampleScoreMs: round(exampleScoreMs),
      exampleAnswerMs: round(exampleAnswerMs),
      orgWideColdProcessMs: round(orgWideProcess.ms),
      peakRssMb: round(orgWideProcess.maxRssMb),
      benchProcessRssMb: round(benchRssMb),
    };
    if (json) {
      process.stdout.write(JSON.stringify(figures) + '\n');
      return;
    }
    const targets: Record<string, string> = {
      scoreYearMs: '≤ 300',
      orgWideMs: '≤ 1000',
      ratioToPlain: '≤ 3',
      versionMs: '≤ 120',
      exampleScoreMs: '≤ 400',
      exampleAnswerMs: '≤ 2× 0.1 (≈ 400)',
      peakRssMb: '≤ 250',
    };
    const table = new Table({ head: ['mått', 'värde', 'mål'], style: { head: [], border: [] }, chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' } });
    for (const [k, v] of Object.entries(figures)) table.push([k, String(v), targets[k] ?? '']);
    process.stdout.write(`efterlev bench: ${SERVICES} tjänster × ${YEARS.length} år, median av ${RUNS} körningar (ms om inget annat anges)\n${table.toString()}\n`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
