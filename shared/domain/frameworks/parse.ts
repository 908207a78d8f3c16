import { AppError, type FieldError } from '../../api/errors';
import { frameworkSchema, type Framework, type ScoringBand } from './schema';

/**
 * Validates a framework read from anywhere (file, sheet, package) and refuses it with every
 * problem listed: the AppError's own key/params describe the first problem, its `fields` all of
 * them, each naming the node (`nodeId`) and the expected and actual values.
 */
export function parseFramework(input: unknown): Framework {
  const shape = frameworkSchema.safeParse(input);
  if (!shape.success) {
    const fields: FieldError[] = shape.error.issues.map((issue) => {
      const path = issue.path.map(String).join('.');
      return { path, key: 'frameworks.error.fieldInvalid', params: { path, issue: issue.code } };
    });
    throw refusal(fields);
  }
  const framework = shape.data;
  const problems = [
    ...checkUniqueIds(framework),
    ...checkKinds(framework),
    ...checkPoints(framework),
    ...checkScale(framework),
    ...checkBands(framework, 'process'),
    ...checkBands(framework, 'results'),
  ];
  if (problems.length > 0) throw refusal(problems);
  return framework;
}

function refusal(fields: FieldError[]): AppError {
  const first = fields[0]!;
  return new AppError('validation', first.key, { ...first.params, path: first.path, problems: fields.length }, fields);
}

function problem(path: string, key: string, params: Record<string, string | number>): FieldError {
  return { path, key: `frameworks.error.${key}`, params };
}

function checkUniqueIds(fw: Framework): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  const visit = (id: string, path: string) => {
    if (seen.has(id)) out.push(problem(path, 'duplicateId', { nodeId: id }));
    seen.add(id);
  };
  fw.categories.forEach((category, c) => {
    visit(category.id, `categories.${c}.id`);
    category.items.forEach((item, i) => visit(item.id, `categories.${c}.items.${i}.id`));
  });
  return out;
}

function checkKinds(fw: Framework): FieldError[] {
  const out: FieldError[] = [];
  fw.categories.forEach((category, c) =>
    category.items.forEach((item, i) => {
      if (item.kind !== category.kind) {
        out.push(
          problem(`categories.${c}.items.${i}.kind`, 'kindMismatch', {
            nodeId: item.id,
            parentId: category.id,
            expected: category.kind,
            actual: item.kind,
          }),
        );
      }
    }),
  );
  return out;
}

function checkPoints(fw: Framework): FieldError[] {
  const out: FieldError[] = [];
  fw.categories.forEach((category, c) => {
    if (category.items.length === 0) return;
    const actual = category.items.reduce((sum, item) => sum + item.points, 0);
    if (actual !== category.points) {
      out.push(
        problem(`categories.${c}.points`, 'pointsMismatch', {
          nodeId: category.id,
          expected: category.points,
          actual,
          children: category.items.map((item) => `${item.id}=${item.points}`).join(', '),
        }),
      );
    }
  });
  const actualTotal = fw.categories.reduce((sum, category) => sum + category.points, 0);
  if (actualTotal !== fw.total) {
    out.push(
      problem('total', 'totalMismatch', {
        nodeId: fw.code,
        expected: fw.total,
        actual: actualTotal,
        children: fw.categories.map((category) => `${category.id}=${category.points}`).join(', '),
      }),
    );
  }
  return out;
}

function checkScale(fw: Framework): FieldError[] {
  const { min, max, step } = fw.scale;
  if (min < max && (max - min) % step === 0) return [];
  return [problem('scale', 'scaleInvalid', { min, max, step })];
}

/** Bands must tile the scale without gaps or overlaps: 0–5, 10–25, … 90–100 with step 5. */
function checkBands(fw: Framework, kind: 'process' | 'results'): FieldError[] {
  const { min, max, step } = fw.scale;
  const bands: ScoringBand[] = fw.bands[kind];
  let expectedMin = min;
  for (let b = 0; b < bands.length; b++) {
    const band = bands[b]!;
    const path = `bands.${kind}.${b}`;
    if (band.min !== expectedMin) {
      return [problem(`${path}.min`, 'bandGap', { kind, index: b, expected: expectedMin, actual: band.min })];
    }
    if (band.max < band.min || (band.max - min) % step !== 0 || band.max > max) {
      return [problem(`${path}.max`, 'bandInvalid', { kind, index: b, min: band.min, max: band.max, step })];
    }
    expectedMin = band.max + step;
  }
  const last = bands[bands.length - 1]!;
  if (last.max !== max) {
    return [problem(`bands.${kind}.${bands.length - 1}.max`, 'bandGap', { kind, index: bands.length - 1, expected: max, actual: last.max })];
  }
  return [];
}
