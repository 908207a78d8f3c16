import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { AppError, type AppErrorPayload } from '../../../shared/api/errors';
import { parseFramework, scoredItems, type Framework } from '../../../shared/domain/frameworks';
import type { ApplicantScores, ExpertItemScore } from '../../../shared/domain/scoring';

export const root = fileURLToPath(new URL('../../../', import.meta.url));

export function loadCriteria(file: string): Framework {
  return parseFramework(JSON.parse(readFileSync(join(root, 'resources', 'criteria', file), 'utf8')));
}

export const gbt = loadCriteria('gb-t-19580-2012.json');

export function readFixture<T>(file: string): T {
  return JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'scoring', file), 'utf8')) as T;
}

/** Runs fn and returns the AppError payload it throws; fails the test when it does not throw one. */
export function refusalOf(fn: () => unknown): AppErrorPayload {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).payload;
  }
  expect.unreachable('expected an AppError');
  throw new Error('unreachable');
}

/** Every expert gives every item the same percent pattern: percents[e] for expert e. */
export function uniformScores(applicantId: string, framework: Framework, percents: readonly number[], stageId = 'site'): ApplicantScores {
  const expertScores: ExpertItemScore[] = [];
  for (const item of scoredItems(framework)) {
    percents.forEach((percent, e) => expertScores.push({ expertId: `E${e + 1}`, itemId: item.id, percent }));
  }
  return { applicantId, stages: [{ stageId, expertScores }] };
}

type Locale = Record<string, unknown>;
const locales = ['zh-CN', 'en', 'zh-TW'].map((lang) => ({
  lang,
  scoring: JSON.parse(readFileSync(join(root, 'shared', 'i18n', 'locales', lang, 'scoring.json'), 'utf8')) as Locale,
  frameworks: JSON.parse(readFileSync(join(root, 'shared', 'i18n', 'locales', lang, 'frameworks.json'), 'utf8')) as Locale,
}));

function lookup(tree: Locale, path: string[]): unknown {
  let node: unknown = tree;
  for (const part of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Locale)[part];
  }
  return node;
}

/** Asserts that a `namespace.path` key has a text in all three languages using every given param. */
export function expectTranslated(key: string, params: Record<string, unknown> = {}): void {
  const [namespace, ...path] = key.split('.');
  expect(['scoring', 'frameworks'], key).toContain(namespace);
  for (const locale of locales) {
    const text = lookup(locale[namespace as 'scoring' | 'frameworks'], path);
    expect(typeof text, `${locale.lang}: ${key}`).toBe('string');
    const placeholders = [...(text as string).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]);
    for (const name of placeholders) expect(params, `${locale.lang}: ${key} uses {{${name}}}`).toHaveProperty(name!);
  }
}
