import { describe, expect, it } from 'vitest';
import { answerPoints, meanScore, statusOf, weightedScore } from '../src/engine/score.js';
import type { Question } from '../src/catalog/schema.js';

const base = { text: { sv: 'x', en: 'x' }, help: { sv: 'x', en: 'x' }, weight: 1, legal: false, references: ['x'] };
const status = { ...base, id: 'A.1', type: 'status' } as Question;
const choice = {
  ...base,
  id: 'A.2',
  type: 'choice',
  options: [
    { value: 'aldrig', label: { sv: 'a', en: 'a' }, score: 0 },
    { value: 'kvartalsvis', label: { sv: 'k', en: 'k' }, score: 0.75 },
  ],
} as Question;

describe('answerPoints', () => {
  it('scores status answers ja 1, delvis 0.5, nej 0, and leaves unanswered out (ej bedömd, not 0)', () => {
    expect([answerPoints(status, 'ja'), answerPoints(status, 'delvis'), answerPoints(status, 'nej'), answerPoints(status, undefined)]).toEqual([1, 0.5, 0, undefined]);
  });
  it('leaves ej_tillamplig out', () => {
    expect(answerPoints(status, 'ej_tillamplig')).toBeUndefined();
  });
  it('scores a choice by its option', () => {
    expect(answerPoints(choice, 'kvartalsvis')).toBe(0.75);
    expect(answerPoints(choice, undefined)).toBeUndefined();
  });
  it('does not score number, date or text questions', () => {
    for (const type of ['number', 'date', 'text'] as const) expect(answerPoints({ ...base, id: 'A.3', type } as Question, 3)).toBeUndefined();
  });
});

describe('weightedScore', () => {
  it('is the weighted mean times 100, one decimal', () => {
    expect(weightedScore([{ weight: 3, points: 1 }, { weight: 1, points: 0 }])).toBe(75);
    expect(weightedScore([{ weight: 1, points: 1 }, { weight: 2, points: 0 }])).toBe(33.3);
  });
  it('is null with nothing to score', () => {
    expect(weightedScore([])).toBeNull();
    expect(meanScore([null])).toBeNull();
  });
});

describe('statusOf', () => {
  const done = { answered: 5, legalUnanswered: 0 };
  it('follows the thresholds', () => {
    expect(statusOf(80, [], done)).toBe('enligt_plan');
    expect(statusOf(79.9, [], done)).toBe('mellan');
    expect(statusOf(50, [], done)).toBe('mellan');
    expect(statusOf(49.9, [], done)).toBe('stor');
  });
  it('is red with a stor gap whatever the score', () => {
    expect(statusOf(100, ['stor'], done)).toBe('stor');
  });
  it('is at most yellow with a mellan or liten gap', () => {
    expect(statusOf(100, ['liten'], done)).toBe('mellan');
    expect(statusOf(95, ['mellan', 'liten'], done)).toBe('mellan');
  });
  it('is ej bedömd with nothing answered and no gap, not red', () => {
    expect(statusOf(null, [], { answered: 0, legalUnanswered: 2 })).toBe('ej_bedomd');
    expect(statusOf(null, ['stor'], { answered: 0, legalUnanswered: 0 })).toBe('stor');
  });
  it('is never green while a legal requirement is unanswered', () => {
    expect(statusOf(100, [], { answered: 3, legalUnanswered: 1 })).toBe('mellan');
  });
});

describe('answerPoints against the register', () => {
  it('counts ej tillämplig as nej when the register says the question applies', () => {
    expect(answerPoints(status, 'ej_tillamplig', true)).toBe(0);
  });
});
