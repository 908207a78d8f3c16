// Hostile inputs derived from each channel's own zod schema: the schema is turned into JSON Schema (zod's
// own converter), a near-valid value is generated from it, and exactly one thing is broken — a wrong type,
// a missing required field, an unknown key, a huge string, control characters, a number out of range, an
// unknown enum value, too many items — at any depth. A single defect in an otherwise plausible input is
// what a validator is most likely to miss, so it is what these tests send.
import fc from 'fast-check';
import { z } from 'zod';
import { contract, type ChannelName } from '../../../shared/api/contract';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

/** Which defect a hostile input carries; tests count them so a generator that stops producing one shows. */
export type DefectKind =
  | 'notAnObject'
  | 'wrongType'
  | 'missingField'
  | 'unknownKey'
  | 'hugeString'
  | 'controlChars'
  | 'outOfRange'
  | 'badEnum'
  | 'badPattern'
  | 'tooManyItems';

export interface HostileInput {
  kind: DefectKind;
  /** Where the defect sits, e.g. `record.legalName` or `plan.newPanels[].name`; empty for the input itself. */
  path: string;
  /** For an unknown key: the path of the object that holds it (where zod reports it). */
  holder?: string;
  value: unknown;
}

/** Defects that make any input invalid by construction; the others are invalid only where the schema says so. */
export const ALWAYS_INVALID: ReadonlySet<DefectKind> = new Set<DefectKind>(['notAnObject', 'wrongType', 'missingField', 'unknownKey', 'hugeString', 'outOfRange', 'badEnum', 'tooManyItems']);

export function inputJsonSchema(channel: ChannelName): JsonSchema {
  return z.toJSONSchema(contract[channel].input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'array' | 'object';

/** The JSON types a schema admits, or undefined when it admits anything (then no value has a wrong type). */
function allowedTypes(schema: JsonSchema): Set<JsonType> | undefined {
  const union = schema.anyOf ?? schema.oneOf;
  if (union) {
    const all = new Set<JsonType>();
    for (const member of union) {
      const types = allowedTypes(member);
      if (!types) return undefined;
      for (const type of types) all.add(type);
    }
    return all;
  }
  if (schema.const !== undefined) return new Set([jsonTypeOf(schema.const)]);
  if (schema.enum) return new Set(schema.enum.map(jsonTypeOf));
  if (schema.type === undefined) return undefined;
  return new Set((Array.isArray(schema.type) ? schema.type : [schema.type]) as JsonType[]);
}

function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as JsonType;
}

const has = (types: Set<JsonType>, ...wanted: JsonType[]) => wanted.some((type) => types.has(type));
const tag = (kind: DefectKind, path = '') => (value: unknown): HostileInput => ({ kind, path, value });
const smallJson = fc.jsonValue({ maxDepth: 2 });

/** A value of a JSON type the schema does not admit. */
function wrongType(schema: JsonSchema, path: string): fc.Arbitrary<HostileInput> | undefined {
  const types = allowedTypes(schema);
  if (!types) return undefined;
  const options: fc.Arbitrary<unknown>[] = [];
  if (!has(types, 'string')) options.push(fc.string({ maxLength: 20 }), fc.constantFrom('', '1', 'true', 'null', '{}', '[]'));
  if (!has(types, 'number', 'integer')) options.push(fc.integer(), fc.constantFrom(0, -1, 1e308));
  if (has(types, 'integer') && !has(types, 'number')) options.push(fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)));
  if (!has(types, 'boolean')) options.push(fc.boolean());
  // At the top, null means "no input" to dispatch (`input ?? {}`), the same as calling without one.
  if (!has(types, 'null') && path !== '') options.push(fc.constant(null));
  if (!has(types, 'array')) options.push(fc.array(smallJson, { maxLength: 3 }));
  if (!has(types, 'object')) options.push(fc.dictionary(fc.string({ maxLength: 8 }), smallJson, { maxKeys: 3 }));
  if (options.length === 0) return undefined;
  return fc.oneof(...options).map(tag(path === '' ? 'notAnObject' : 'wrongType', path));
}

/** A plausible value for the schema (valid where the generator can tell; refinements may still refuse it). */
export function plausible(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return fc.oneof(...union.map((member) => plausible(member, depth)));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') ?? 'null' : schema.type;
  switch (type) {
    case 'string':
      return plausibleString(schema);
    case 'integer':
      return fc.integer({ min: Math.ceil(schema.minimum ?? schema.exclusiveMinimum ?? -1000), max: Math.floor(schema.maximum ?? schema.exclusiveMaximum ?? 1000) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return depth > 3 ? fc.constant([]) : fc.array(plausible(schema.items ?? {}, depth + 1), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 3, Math.max(3, schema.minItems ?? 0)) });
    case 'object':
      return plausibleObject(schema, depth);
    default:
      return fc.constant(null);
  }
}

function plausibleString(schema: JsonSchema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 200;
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern);
    return fc.stringMatching(pattern).filter((s) => s.length >= min && s.length <= max);
  }
  // Readable text in both scripts the app deals in; no leading/trailing space, which text fields trim away.
  const unit = fc.constantFrom(...'质量奖评审企业abcXYZ019-_'.split(''));
  return fc.string({ unit, minLength: Math.max(min, 1), maxLength: Math.max(Math.min(max, 24), Math.max(min, 1)) });
}

function plausibleObject(schema: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const keys = Object.keys(properties);
  if (keys.length === 0) return fc.constant({});
  const model = Object.fromEntries(keys.map((key) => [key, plausible(properties[key]!, depth + 1)]));
  return fc.record(model, { requiredKeys: (schema.required ?? []).filter((key) => keys.includes(key)) }) as fc.Arbitrary<Record<string, unknown>>;
}

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '', ' ', '$where', 'isAdmin'];
const CONTROL = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f'];

/** A value that is invalid for `schema` in exactly one place (the HostileInput says which and where). */
export function hostile(schema: JsonSchema, path = '', depth = 0): fc.Arbitrary<HostileInput> {
  const options: fc.Arbitrary<HostileInput>[] = [];
  const wrong = wrongType(schema, path);
  if (wrong) options.push(wrong);
  const types = allowedTypes(schema);
  const only = (type: JsonType) => types !== undefined && types.size === 1 && types.has(type);
  if (schema.enum && only('string')) {
    options.push(fc.string({ maxLength: 30 }).filter((s) => !schema.enum!.includes(s)).map(tag('badEnum', path)));
  } else if (schema.const === undefined && only('string')) {
    options.push(...stringDefects(schema, path));
  }
  if ((only('integer') || only('number')) && schema.enum === undefined) {
    const low = schema.minimum ?? schema.exclusiveMinimum;
    const high = schema.maximum ?? schema.exclusiveMaximum;
    const outside: fc.Arbitrary<number>[] = [fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY)];
    if (low !== undefined) outside.push(fc.integer({ min: 1, max: 1_000_000 }).map((d) => Math.floor(low) - d));
    if (high !== undefined) outside.push(fc.integer({ min: 1, max: 1_000_000 }).map((d) => Math.ceil(high) + d));
    options.push(fc.oneof(...outside).map(tag('outOfRange', path)));
  }
  if (only('object') && schema.properties && depth <= 4) options.push(...objectDefects(schema, path, depth));
  if (only('array') && depth <= 4) {
    const item = schema.items ?? {};
    if (schema.maxItems !== undefined && schema.maxItems <= 2000) {
      options.push(fc.array(plausible(item, depth + 1), { minLength: schema.maxItems + 1, maxLength: schema.maxItems + 3 }).map(tag('tooManyItems', path)));
    }
    options.push(
      fc
        .tuple(fc.array(plausible(item, depth + 1), { minLength: Math.max(0, (schema.minItems ?? 0) - 1), maxLength: Math.max(2, (schema.minItems ?? 0) - 1) }), hostile(item, `${path}[]`, depth + 1), fc.nat())
        .map(([items, bad, at]) => {
          const copy = [...items];
          copy.splice(at % (copy.length + 1), 0, bad.value);
          return { ...bad, value: copy };
        }),
    );
  }
  if (options.length === 0) throw new Error(`no defect can be generated for ${path || 'the input'}: ${JSON.stringify(schema).slice(0, 200)}`);
  return fc.oneof(...options);
}

function stringDefects(schema: JsonSchema, path: string): fc.Arbitrary<HostileInput>[] {
  const out: fc.Arbitrary<HostileInput>[] = [];
  const pattern = schema.pattern ? new RegExp(schema.pattern) : undefined;
  // Longer than allowed, counted in code points (as some limits are) and after trimming; where the limit is
  // tens of megabytes, a few megabytes that break the pattern instead.
  const max = schema.maxLength;
  if (max !== undefined && max <= 2_000_000) {
    out.push(fc.tuple(fc.integer({ min: 1, max: 4096 }), fc.constantFrom('a', '中', '😀', ' x')).map(([extra, unit]) => tag('hugeString', path)(unit.repeat(Math.ceil((max + extra + 1) / [...unit].length)))));
  } else if (pattern) {
    out.push(fc.integer({ min: 100_000, max: 3_000_000 }).map((n) => tag('hugeString', path)(`${'A'.repeat(n)}!<script>`)));
  }
  if (pattern) {
    out.push(fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !pattern.test(s)).map(tag('badPattern', path)));
  }
  // Control characters inside otherwise plausible text: invalid wherever the field refuses them.
  out.push(
    fc
      .tuple(plausibleString({ ...schema, pattern: undefined }), fc.constantFrom(...CONTROL), fc.nat())
      .map(([text, control, at]) => {
        // Inside the text, never at an end, where trimming would take \v and \f away before any check.
        const padded = text.length >= 2 ? text : `${text}xy`.slice(0, 2);
        const i = 1 + (at % (padded.length - 1));
        return tag('controlChars', path)(padded.slice(0, i) + control + padded.slice(i));
      }),
  );
  return out;
}

function objectDefects(schema: JsonSchema, path: string, depth: number): fc.Arbitrary<HostileInput>[] {
  const properties = schema.properties ?? {};
  const base = plausibleObject(schema, depth);
  const out: fc.Arbitrary<HostileInput>[] = [];
  const required = (schema.required ?? []).filter((key) => key in properties);
  if (required.length > 0) {
    out.push(
      fc.tuple(base, fc.constantFrom(...required)).map(([value, key]) => {
        const copy = { ...value };
        delete copy[key];
        return { kind: 'missingField' as const, path: join(path, key), value: copy };
      }),
    );
  }
  if (schema.additionalProperties === false) {
    const key = fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 12 })).filter((k) => !Object.prototype.hasOwnProperty.call(properties, k));
    out.push(
      fc.tuple(base, key, smallJson).map(([value, extra, content]) => {
        const copy = { ...value };
        // defineProperty so `__proto__` becomes an own key, as JSON.parse makes it, not the prototype.
        Object.defineProperty(copy, extra, { value: content, enumerable: true, configurable: true, writable: true });
        return { kind: 'unknownKey' as const, path: join(path, extra), holder: path, value: copy };
      }),
    );
  }
  for (const [key, child] of Object.entries(properties)) {
    out.push(fc.tuple(base, hostile(child, join(path, key), depth + 1)).map(([value, bad]) => ({ ...bad, value: { ...value, [key]: bad.value } })));
  }
  return out;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/**
 * Hostile inputs for one channel: its input is an object, so the defect may also be the input's own type.
 * The only filter: a control-character or pattern probe counts only where the field itself refuses it
 * (zod names the field). Fields that accept control characters are listed by control-chars.test.ts.
 */
export function hostileInputFor(channel: ChannelName): fc.Arbitrary<HostileInput> {
  const schema = inputJsonSchema(channel);
  const spec = contract[channel];
  return hostile(schema).filter((input) => {
    if (ALWAYS_INVALID.has(input.kind)) return true;
    const parsed = spec.input.safeParse(input.value);
    return !parsed.success && parsed.error.issues.some((issue) => defectPattern(input).test(issue.path.map(String).join('.') || '(input)'));
  });
}

/** Where zod reports the defect: array positions as numbers; an unknown key on the object that holds it. */
export function defectPattern(input: HostileInput): RegExp {
  const where = input.kind === 'unknownKey' ? (input.holder ?? '') : input.path;
  return new RegExp(`^${(where || '(input)').split('[]').map(escapeRegExp).join('\\.\\d+')}(\\.|$)`);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
