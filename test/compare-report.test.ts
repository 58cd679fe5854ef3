import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseHtml } from 'node-html-parser';
import { recommendFocus } from '../src/report/focus.js';
import type { ControlResult } from '../src/engine/assess.js';
import { ROOT, readJson, removeDir, run, tempDir } from './helpers.js';
import { writeMiniCatalog } from './fixtures/mini-catalog.js';

let ws: string;
const cli = (...args: string[]) => run(['--dir', ws, ...args]);
type CompareJson = {
  from: number;
  to: number;
  controls: { service: string; checklist: string; control: string; from: number | null; to: number | null; delta: number | null; statusFrom: string | null; statusTo: string | null }[];
  newGaps: string[];
  resolvedGaps: string[];
  persistentGaps: string[];
  firstSeen: Record<string, number>;
  services: { added: string[]; removed: string[] };
  answers?: { service: string; question: string; from: { value: unknown } | null; to: { value: unknown } | null }[];
};
const compare = async (...args: string[]): Promise<CompareJson> => JSON.parse((await cli('compare', ...args, '--json')).stdout);

beforeAll(async () => {
  ws = tempDir();
  writeMiniCatalog(ws);
  await cli('init', '--name', 'Testkommunen');
  await cli('service', 'add', 'webb', '--name', 'Webbportalen', '--personal-data', '--classification', 'K2R2T2S2');
  await cli('service', 'add', 'ny', '--name', 'Ny tjänst', '--classification', 'K1R1T1S1');
  const same = ['ACC.1=nej', 'ACC.2=ja', 'ACC.4=ja', 'LOG.1=ja', 'LOG.2=ibland'];
  await cli('answer', '--year', '2023', '--service', 'webb', ...same);
  await cli('answer', '--year', '2024', '--service', 'webb', ...same);
  await cli('answer', '--year', '2025', '--service', 'webb', ...same);
  await cli('answer', '--year', '2025', '--service', 'webb', 'ACC.1=ja', '--comment', 'Rutin införd', '--evidence', 'Rutin dnr 2025-7');
  await cli('answer', '--year', '2025', '--service', 'ny', 'ACC.1=delvis');
  await cli('answer', '--year', '2024', '--service', 'organisation', 'ORG.1=ja', 'ORG.2=ja');
  await cli('answer', '--year', '2025', '--service', 'organisation', 'ORG.1=nej', 'ORG.2=ja');
});
afterAll(() => removeDir(ws));

describe('efterlev compare', () => {
  it('shows no change between identical years', async () => {
    const c = await compare('2023', '2024', '--service', 'webb');
    expect(c.controls.length).toBeGreaterThan(0);
    expect(c.controls.every((k) => k.delta === 0 && k.statusFrom === k.statusTo)).toBe(true);
    expect(c.newGaps).toEqual([]);
    expect(c.resolvedGaps).toEqual([]);
    expect(c.persistentGaps).toEqual(['webb:ACC-nej', 'webb:LOG-granskas-inte-alltid']);
    expect(c.firstSeen).toEqual({ 'webb:ACC-nej': 2023, 'webb:LOG-granskas-inte-alltid': 2023 });
  });

  it('shows an improved answer as a positive delta and a resolved gap', async () => {
    const c = await compare('2024', '2025', '--details');
    const acc = c.controls.find((k) => k.service === 'webb' && k.control === 'ACC')!;
    expect(acc).toMatchObject({ from: 40, to: 100, delta: 60, statusFrom: 'stor', statusTo: 'enligt_plan' });
    expect(c.resolvedGaps).toEqual(['webb:ACC-nej']);
    expect(c.persistentGaps).toEqual(['webb:LOG-granskas-inte-alltid']);
    expect(c.firstSeen['webb:LOG-granskas-inte-alltid']).toBe(2023);
    expect(c.answers).toEqual(
      expect.arrayContaining([expect.objectContaining({ service: 'webb', question: 'ACC.1', from: expect.objectContaining({ value: 'nej' }), to: expect.objectContaining({ value: 'ja', comment: 'Rutin införd' }) })]),
    );
  });

  it('reports a service added in the later year, not an error', async () => {
    const c = await compare('2024', '2025');
    expect(c.services).toEqual({ both: ['organisation', 'webb'], added: ['ny'], pending: [], removed: [] });
    // Deltas are taken over services assessed in both years only.
    expect(c.controls.filter((k) => k.service === 'ny')).toEqual([]);
  });

  it('prints arrows and status changes', async () => {
    const r = await cli('compare', '2024', '2025');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('↑ +60,0');
    expect(r.stdout).toContain('stor → enligt plan');
    expect(r.stdout).toContain('Tillkomna tjänster 2025: Ny tjänst');
    expect(r.stdout).toContain('Åtgärdade sedan 2024: 1');
    expect(r.stdout).toContain('webb:LOG-granskas-inte-alltid (sedan 2023)');
  });

  it('--trend shows every control over every year with a small chart', async () => {
    const r = await cli('compare', '--trend', '--service', 'webb');
    expect(r.stdout).toMatch(/ACC Behörigheter\s+│ 40,0\s+│ 40,0\s+│ 100,0\s+│ ▄▄█/);
    const json = JSON.parse((await cli('compare', '--trend', '--json')).stdout);
    expect(json.years).toEqual([2023, 2024, 2025]);
  });

  it.each([
    [['2025'], 'Ange två år'],
    [['2025', '2025'], 'två olika år'],
    [['20x5', '2025'], "Ogiltigt år '20x5'"],
  ])('refuses compare %j', async (args, message) => {
    const r = await cli('compare', ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe('recommendFocus', () => {
  const k = (control: string, score: number, status: ControlResult['status']): ControlResult & { checklist: string } => ({ checklist: 'dso', control, score, status, answered: 1, total: 1, legalUnanswered: 0, gaps: [] });

  it('names red control points first, lowest first, then falling ones, steepest first', () => {
    const now = [k('KP1', 40, 'stor'), k('KP2', 90, 'enligt_plan'), k('KP3', 70, 'mellan'), k('KP4', 20, 'stor'), k('KP5', 85, 'enligt_plan')];
    const before = [k('KP1', 30, 'stor'), k('KP2', 95, 'enligt_plan'), k('KP3', 90, 'enligt_plan'), k('KP4', 20, 'stor'), k('KP5', 80, 'mellan')];
    expect(recommendFocus(now, before)).toEqual([
      { checklist: 'dso', control: 'KP4', score: 20, red: true, delta: 0 },
      { checklist: 'dso', control: 'KP1', score: 40, red: true, delta: 10 },
      { checklist: 'dso', control: 'KP3', score: 70, red: false, delta: -20 },
      { checklist: 'dso', control: 'KP2', score: 90, red: false, delta: -5 },
    ]);
  });

  it('uses only red ones without a previous year', () => {
    expect(recommendFocus([k('KP1', 40, 'stor'), k('KP2', 60, 'mellan')], undefined).map((f) => f.control)).toEqual(['KP1']);
  });
});

describe('efterlev report and observations', () => {
  let example: string;
  beforeAll(async () => {
    example = tempDir();
    cpSync(join(ROOT, 'answers'), join(example, 'answers'), { recursive: true });
    expect((await run(['--dir', example, 'observation', 'add', '--year', '2025', 'Testiakttagelse om <script>alert(1)</script> & annat'])).code).toBe(0);
  });
  afterAll(() => removeDir(example));

  it('lists observations', async () => {
    const r = await run(['--dir', example, 'observation', 'list', '--year', '2025']);
    expect(r.stdout).toContain('Testiakttagelse');
    expect(readJson<{ observations: unknown[] }>(join(example, 'answers', 'observations', '2025.json')).observations.length).toBeGreaterThan(0);
  });

  it('writes a self-contained HTML report with every control point and the charts', async () => {
    const out = join(example, 'rapport.html');
    const r = await run(['--dir', example, 'report', '--year', '2025', '--format', 'html', '--out', out]);
    expect(r.code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const html = readFileSync(out, 'utf8');
    const doc = parseHtml(html);
    expect(doc.querySelector('p.notice')?.text).toMatch(/^KONFIDENTIELLT – årsrapport 2025/);
    const text = doc.querySelector('body')!.text;
    for (let i = 1; i <= 12; i++) expect(text).toContain(`KP${i} `);
    for (const area of ['Avtal', 'Behörigheter', 'Loggning', 'Kontinuitetshantering']) expect(text).toContain(area);
    for (const id of ['sammanfattning', 'kontrollpunkter', 'it-sakerhet', 'ramverk', 'stora-brister', 'handlingsplan', 'fokus', 'iakttagelser']) {
      expect(doc.querySelector(`h2#${id}`), id).toBeTruthy();
    }
    const charts = doc.querySelectorAll('figure.chart svg');
    expect(charts).toHaveLength(3);
    expect(charts[0]!.querySelectorAll('rect.bar')).toHaveLength(24); // 12 control points × 2 years
    expect(doc.querySelectorAll('rect.segment')).toHaveLength(3);
    expect(text).toContain('Rekommenderade fokuskontrollpunkter 2026');
    expect(doc.querySelectorAll('#fokus + ul li').length).toBeGreaterThan(0);
    expect(doc.querySelector('#fokus + ul')!.text).toContain('KP1 Dataskyddsorganisation: Avvikelse – stor');
    expect(html).toContain('Testiakttagelse om &lt;script&gt;alert(1)&lt;/script&gt; &amp; annat');
    expect(html).not.toMatch(/<script|<link|src=|url\(/);
    expect(html).toContain('@page { size: A4');
  });

  it('gives the framework coverage: the counts per framework from the coverage figures, and what falls short with the questions behind it', async () => {
    const md = (await run(['--dir', example, 'report', '--year', '2025'])).stdout;
    const section = md.slice(md.indexOf('## Täckning mot ramverk'), md.indexOf('## Stora brister'));
    for (const id of ['gdpr', 'iso27001', 'csl']) {
      const c = await run(['--dir', example, 'coverage', '--year', '2025', '--framework', id, '--json']);
      const { framework, counts, requirements } = JSON.parse(c.stdout) as { framework: { name: { sv: string } }; counts: Record<string, number>; requirements: unknown[] };
      // The same figures as efterlev coverage: one function computes both.
      expect(section).toContain(`| ${framework.name.sv} | ${requirements.length} | ${['uppfyllt', 'delvis', 'ej_uppfyllt', 'ej_bedomt', 'ej_tackt'].map((k) => counts[k]).join(' | ')} |`);
    }
    expect(section).toContain('| Ramverk | Krav | uppfyllt | delvis | ej uppfyllt | ej bedömt | ej täckt |');
    // A shortfall row names the requirement and the questions whose answers fall short, with who gave them.
    expect(section).toMatch(/\| gdpr \| art\. 28\.3 Personuppgiftsbiträdesavtal \| delvis \| KP2\.4, KP3\.4, [^|]*\(organisationen\); [^|]*AVT\.1 \(formansportalen\)/);
    expect(section).toContain('efterlev coverage --year 2025 --framework ID');
    const en = (await run(['--dir', example, '--lang', 'en', 'report', '--year', '2025'])).stdout;
    expect(en).toContain('## Framework coverage');
    expect(en).toContain('| Framework | Requirements | met | partly | not met | not assessed | not covered |');
  });

  it('writes the same content as Markdown, and in English on request', async () => {
    const md = await run(['--dir', example, 'report', '--year', '2025']);
    expect(md.stdout.split('\n')[0]).toMatch(/^\*\*KONFIDENTIELLT/);
    expect(md.stdout).toContain('## Resultat per kontrollpunkt');
    expect(md.stdout).toContain('| KP12 Hantering av registrerades rättigheter |');
    expect(md.stdout).toContain('## Särskilda iakttagelser');
    const en = await run(['--dir', example, '--lang', 'en', 'report', '--year', '2025']);
    expect(en.stdout).toContain('## Result per control point');
    expect(en.stdout).toContain('KP1 Data protection organisation');
  });

  it('refuses to overwrite a report without --force', async () => {
    mkdirSync(join(example, 'ut'), { recursive: true });
    const out = join(example, 'ut', 'r.md');
    expect((await run(['--dir', example, 'report', '--year', '2025', '--out', out])).code).toBe(0);
    expect((await run(['--dir', example, 'report', '--year', '2025', '--out', out])).code).toBe(2);
  });
});
