import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../catalog/load.js';
import { appliesTo, EMPTY_PROFILE, profileOf } from '../catalog/profile.js';
import type { Question } from '../catalog/schema.js';
import type { AnswerValue } from '../catalog/values.js';
import { canonicalAnswerFile, checklistsFor, versionsFor } from '../store/answers.js';
import { canonicalRegister } from '../store/register.js';
import { ORGANISATION_ID, type Answer, type Service } from '../store/schema.js';

/** mulberry32: a small seeded generator, so every run builds the same workspace. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rnd: () => number, weighted: readonly [T, number][]): T {
  let r = rnd() * weighted.reduce((n, [, w]) => n + w, 0);
  for (const [value, w] of weighted) if ((r -= w) < 0) return value;
  return weighted[weighted.length - 1]![0];
}

function freshValue(rnd: () => number, q: Question, year: number): AnswerValue {
  switch (q.type) {
    case 'status':
      return pick(rnd, [['ja', 62], ['delvis', 22], ['nej', 11], ['ej_tillamplig', 5]]);
    case 'choice':
      return q.options[Math.floor(rnd() * q.options.length)]!.value;
    case 'number': {
      const min = q.min ?? 0;
      const max = Math.min(q.max ?? 10, min + 100);
      return Math.round(min + rnd() * rnd() * (max - min));
    }
    case 'date':
      return new Date(Date.UTC(year - 1, Math.floor(rnd() * 24), 1 + Math.floor(rnd() * 28))).toISOString().slice(0, 10);
    case 'text':
      return 'Beskrivning enligt rutin';
  }
}

/**
 * A synthetic workspace with the real catalogue: `services` services and the organisation for
 * each of `years`, a realistic mix of answers (most ja, some delvis and nej, a few unanswered),
 * seven in ten answers kept from the year before. Each file is stamped with the catalogue
 * versions it is written in, as every file the tool writes is.
 */
export function generateWorkspace(root: string, catalog: Catalog, services: number, years: readonly number[], seed = 1): void {
  const rnd = random(seed);
  const level = () => pick(rnd, [[1, 15], [2, 45], [3, 32], [4, 8]]);
  const register: Service[] = Array.from({ length: services }, (_, i) => {
    const personalData = rnd() < 0.8;
    return {
      id: `tjanst-${String(i + 1).padStart(4, '0')}`,
      name: `Tjänst ${i + 1}`,
      owner: `Tjänsteägare ${1 + Math.floor(rnd() * 60)}`,
      ...(rnd() < 0.75 ? { supplier: `Leverantör ${1 + Math.floor(rnd() * 40)} AB` } : {}),
      personalData,
      sensitiveData: personalData && rnd() < 0.25,
      thirdCountry: personalData && rnd() < 0.15,
      classification: { K: level(), R: level(), T: level(), S: level() },
    };
  });
  mkdirSync(join(root, 'answers'), { recursive: true });
  writeFileSync(join(root, 'answers', 'services.json'), canonicalRegister({ organisation: { name: 'Benchkommunen' }, services: register, history: [] }));

  const all = [{ id: ORGANISATION_ID, profile: { ...EMPTY_PROFILE, personalData: true } }, ...register.map((s) => ({ id: s.id, profile: profileOf(s, EMPTY_PROFILE) }))];
  for (const { id, profile } of all) {
    let last: Record<string, Answer> = {};
    for (const year of years) {
      const questions = checklistsFor(catalog, id, year).flatMap((c) => c.controls.flatMap((k) => k.questions)).filter((q) => appliesTo(q, profile));
      const answers: Record<string, Answer> = {};
      for (const q of questions) {
        if (rnd() < 0.03) continue;
        const before = last[q.id];
        const value = before !== undefined && rnd() < 0.7 ? before.value : freshValue(rnd, q, year);
        answers[q.id] = {
          value,
          ...(value !== 'ja' && rnd() < 0.5 ? { comment: 'Åtgärd planerad enligt handlingsplanen' } : {}),
          by: 'granskare',
          at: new Date(Date.UTC(year, 8 + Math.floor(rnd() * 3), 1 + Math.floor(rnd() * 28), 9)).toISOString(),
        };
      }
      mkdirSync(join(root, 'answers', String(year)), { recursive: true });
      writeFileSync(join(root, 'answers', String(year), `${id}.json`), canonicalAnswerFile({ service: id, year, catalog: versionsFor(catalog, id, year), answers, history: [] }));
      last = answers;
    }
  }
}
