/**
 * The scenario suite's runner: each scenario (test/scenarios/*.json) is a small workspace built from
 * one of the seeds' real events — the register entry, the incidents and the answers a reviewer gave —
 * with the gaps a good reviewer expects (and their severity) and the gaps that must not appear.
 *
 * A scenario is run through the real CLI, once per catalogue version it has answers for:
 * `init`, `service add`, `incident add`, `import` (CSV) and `actions --json`, with EFTERLEV_NOW set to
 * the scenario's "now". Version 2025.1 runs on the frozen copy in test/fixtures/catalog-2025.1 (a
 * workspace's own checklists/ and rules/ replace the bundled ones); 2026.1 on the bundled catalogue.
 */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { removeDir, run, tempDir } from '../helpers.js';

export const SCENARIO_DIR = dirname(fileURLToPath(import.meta.url));
export const FIXTURE_2025 = join(SCENARIO_DIR, '..', 'fixtures', 'catalog-2025.1');
export const VERSIONS = ['2025.1', '2026.1'] as const;
export type Version = (typeof VERSIONS)[number];

const Severity = z.enum(['stor', 'mellan', 'liten']);
const Flag = z.union([z.boolean(), z.literal('okänt')]);
const AnswerValue = z.union([z.string(), z.number()]);
const Answer = z.union([AnswerValue, z.strictObject({ value: AnswerValue, comment: z.string().optional(), evidence: z.string().optional() })]);
/** Per catalogue version: service id (or `organisation`) → question id → answer. */
const AnswersByVersion = z.record(z.enum(VERSIONS), z.record(z.string(), z.record(z.string(), Answer)));

const Incident = z.strictObject({
  id: z.string().optional(),
  service: z.string(),
  kind: z.string(),
  title: z.string(),
  occurred: z.string(),
  detected: z.string().optional(),
  resolved: z.string().optional(),
  status: z.string().optional(),
  description: z.string().optional(),
  supplier: z.string().optional(),
  rootCause: z.boolean().optional(),
  actions: z.string().optional(),
  imyNotified: z.string().optional(),
  delayReason: z.string().optional(),
  notNotified: z.string().optional(),
  subjectsInformed: z.string().optional(),
  earlyWarning: z.string().optional(),
  notification: z.string().optional(),
  finalReport: z.string().optional(),
});

export const Scenario = z.strictObject({
  name: z.string().min(1),
  seed: z.strictObject({ file: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/), quote: z.string().min(10) }),
  now: z.iso.datetime(),
  organisation: z.string().min(1),
  services: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      owner: z.string().optional(),
      area: z.string().optional(),
      supplier: z.string().nullable().optional(),
      personalData: Flag,
      sensitiveData: Flag,
      thirdCountry: Flag,
      /** KLASSA 4.0 as K3R2T3S2, or null: not classified yet. */
      classification: z.string().regex(/^K[0-4]R[0-4]T[0-4]S[0-4]$/).nullable(),
    }),
  ),
  incidents: z.array(Incident).default([]),
  /** The answers of the review year (the year of "now"). */
  answers: AnswersByVersion,
  /** The year before's answers, for rules that read `previous` (optional). */
  previous: AnswersByVersion.optional(),
  expected: z
    .array(
      z.strictObject({
        id: z.string(),
        service: z.string(),
        severity: Severity,
        what: z.string().min(1),
        /** The rule that expresses the gap in each version; null when the version cannot express it. */
        rules: z.strictObject({ '2025.1': z.string().nullable(), '2026.1': z.string() }),
      }),
    )
    .min(1),
  absent: z.array(z.strictObject({ service: z.string(), rules: z.strictObject({ '2025.1': z.array(z.string()), '2026.1': z.array(z.string()) }) })).default([]),
});
export type Scenario = z.infer<typeof Scenario>;

export function loadScenarios(): { file: string; scenario: Scenario }[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed = Scenario.safeParse(JSON.parse(readFileSync(join(SCENARIO_DIR, file), 'utf8')));
      if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
      return { file, scenario: parsed.data };
    });
}

/** Whether the seed holds the quote (whitespace collapsed: the seeds are PDF text with line breaks). */
export function seedHasQuote(seedsDir: string, seed: Scenario['seed']): boolean | undefined {
  const path = join(seedsDir, seed.file);
  if (!existsSync(path)) return undefined;
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  return norm(readFileSync(path, 'utf8')).includes(norm(seed.quote));
}

export interface FoundGap {
  service: string;
  rule: string;
  severity: string;
}

const csvCell = (v: string): string => (/[";\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

function answersCsv(byService: Record<string, Record<string, z.infer<typeof Answer>>>): string {
  const rows = ['service;question;value;comment;evidence'];
  for (const [service, answers] of Object.entries(byService)) {
    for (const [question, answer] of Object.entries(answers)) {
      const a = typeof answer === 'object' ? answer : { value: answer };
      rows.push([service, question, String(a.value), a.comment ?? '', a.evidence ?? ''].map(csvCell).join(';'));
    }
  }
  return rows.join('\n') + '\n';
}

const flag = (v: boolean | 'okänt'): string => (v === 'okänt' ? 'okänt' : v ? 'ja' : 'nej');

const INCIDENT_FLAGS: Record<string, string> = {
  id: '--id',
  service: '--service',
  kind: '--kind',
  title: '--title',
  occurred: '--occurred',
  detected: '--detected',
  resolved: '--resolved',
  status: '--status',
  description: '--description',
  supplier: '--supplier',
  rootCause: '--root-cause',
  actions: '--actions',
  imyNotified: '--imy-notified',
  delayReason: '--delay-reason',
  notNotified: '--not-notified',
  subjectsInformed: '--subjects-informed',
  earlyWarning: '--early-warning',
  notification: '--notification',
  finalReport: '--final-report',
};

/** Builds the scenario's workspace for one catalogue version through the CLI and returns the gaps `actions` lists. */
export async function runScenario(scenario: Scenario, version: Version): Promise<FoundGap[]> {
  const dir = tempDir('efterlev-scenario-');
  const env = { EFTERLEV_NOW: scenario.now, EFTERLEV_DIR: dir };
  const cli = async (args: string[]): Promise<string> => {
    const r = await run(args, { cwd: dir, env });
    if (r.code !== 0) throw new Error(`efterlev ${args.join(' ')} → ${r.code}\n${r.stderr}${r.stdout}`);
    return r.stdout;
  };
  try {
    if (version === '2025.1') {
      cpSync(join(FIXTURE_2025, 'checklists'), join(dir, 'checklists'), { recursive: true });
      cpSync(join(FIXTURE_2025, 'rules'), join(dir, 'rules'), { recursive: true });
    }
    await cli(['init', '--name', scenario.organisation]);
    for (const s of scenario.services) {
      const args = ['service', 'add', s.id, '--name', s.name];
      if (s.owner) args.push('--owner', s.owner);
      if (s.area) args.push('--area', s.area);
      args.push('--supplier', s.supplier ?? 'ingen');
      args.push('--personal-data', flag(s.personalData), '--sensitive', flag(s.sensitiveData), '--third-country', flag(s.thirdCountry));
      args.push('--classification', s.classification ?? 'ej klassad');
      await cli(args);
    }
    for (const incident of scenario.incidents) {
      const args = ['incident', 'add'];
      for (const [key, value] of Object.entries(incident)) {
        if (value === undefined) continue;
        args.push(INCIDENT_FLAGS[key]!, typeof value === 'boolean' ? (value ? 'ja' : 'nej') : value);
      }
      await cli(args);
    }
    const year = Number(scenario.now.slice(0, 4));
    for (const [y, answers] of [
      [year - 1, scenario.previous?.[version]],
      [year, scenario.answers[version]],
    ] as const) {
      if (answers === undefined || Object.keys(answers).length === 0) continue;
      const file = join(dir, `svar-${y}.csv`);
      writeFileSync(file, answersCsv(answers));
      await cli(['import', '--year', String(y), file]);
    }
    const out = JSON.parse(await cli(['actions', '--year', String(year), '--json'])) as { actions: FoundGap[]; accepted?: FoundGap[] };
    return out.actions.map(({ service, rule, severity }) => ({ service, rule, severity }));
  } finally {
    removeDir(dir);
  }
}

export interface Check {
  id: string;
  service: string;
  severity: string;
  what: string;
  rule: string | null;
  /** The severity the rule fired with, or null when it did not fire (or cannot be expressed). */
  found: string | null;
  caught: boolean;
}

/** Each expected gap against what the version found; and the absent rules that fired anyway. */
export function check(scenario: Scenario, version: Version, gaps: readonly FoundGap[]): { checks: Check[]; unwanted: FoundGap[] } {
  const checks = scenario.expected.map((e): Check => {
    const rule = e.rules[version];
    const hit = rule === null ? undefined : gaps.find((g) => g.service === e.service && g.rule === rule);
    return { id: e.id, service: e.service, severity: e.severity, what: e.what, rule, found: hit?.severity ?? null, caught: hit?.severity === e.severity };
  });
  const unwanted = scenario.absent.flatMap((a) => gaps.filter((g) => g.service === a.service && a.rules[version].includes(g.rule)));
  return { checks, unwanted };
}
