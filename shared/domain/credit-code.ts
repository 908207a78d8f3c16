/**
 * Unified social credit code 统一社会信用代码 (GB 32100-2015).
 *
 * 18 characters from a 31-symbol alphabet (no I, O, Z, S, V). The 18th is a check character:
 * S = Σ value(cᵢ)·wᵢ over the first 17, wᵢ = 3^(i−1) mod 31, check = charset[(31 − S mod 31) mod 31].
 *
 * Why a single substitution is always caught: replacing value a by b ≠ a at position i shifts S by
 * (b − a)·wᵢ (mod 31). 31 is prime, every wᵢ is a power of 3 and therefore non-zero mod 31, and
 * 0 < |b − a| ≤ 30, so the product is non-zero mod 31 and the expected check character changes.
 * Replacing the check character itself is caught because the check is a function of the body.
 * A passing checksum does not prove that the organisation exists.
 */
import { z } from 'zod';
import type { Message } from '../api/errors';

export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const CREDIT_CODE_LENGTH = 18;
const MODULUS = 31;

/** 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 */
export const CREDIT_CODE_WEIGHTS: readonly number[] = Array.from({ length: CREDIT_CODE_LENGTH - 1 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % MODULUS;
  return w;
});

export type CreditCodeFailure =
  | { ok: false; reason: 'length'; length: number }
  | { ok: false; reason: 'charset'; position: number; character: string }
  | { ok: false; reason: 'checksum'; expected: string; actual: string };

export type CreditCodeResult = { ok: true; code: string } | CreditCodeFailure;

/**
 * Trim, turn full-width forms (Ａ-Ｚ, ０-９, ideographic space) into ASCII and upper-case.
 * Users paste codes from Word documents and Chinese IMEs, where full-width input is common.
 */
export function normaliseCreditCode(input: string): string {
  let out = '';
  for (const ch of input) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xff01 && cp <= 0xff5e) out += String.fromCodePoint(cp - 0xfee0);
    else if (cp === 0x3000) out += ' ';
    else out += ch;
  }
  return out.trim().toUpperCase();
}

function charValue(ch: string): number {
  return CREDIT_CODE_CHARSET.indexOf(ch);
}

/**
 * The check character for a 17-character body already in canonical form.
 * Returns null when the body has the wrong length or a character outside the charset.
 */
export function computeCheckCharacter(body: string): string | null {
  if (body.length !== CREDIT_CODE_LENGTH - 1) return null;
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const v = charValue(body[i]!);
    if (v < 0) return null;
    sum += v * CREDIT_CODE_WEIGHTS[i]!;
  }
  return CREDIT_CODE_CHARSET[(MODULUS - (sum % MODULUS)) % MODULUS]!;
}

export function validateCreditCode(input: string): CreditCodeResult {
  const code = normaliseCreditCode(input);
  const chars = Array.from(code);
  if (chars.length !== CREDIT_CODE_LENGTH) return { ok: false, reason: 'length', length: chars.length };
  for (let i = 0; i < chars.length; i++) {
    if (charValue(chars[i]!) < 0) return { ok: false, reason: 'charset', position: i + 1, character: chars[i]! };
  }
  const expected = computeCheckCharacter(code.slice(0, CREDIT_CODE_LENGTH - 1))!;
  const actual = code[CREDIT_CODE_LENGTH - 1]!;
  if (expected !== actual) return { ok: false, reason: 'checksum', expected, actual };
  return { ok: true, code };
}

export function isValidCreditCode(input: string): boolean {
  return validateCreditCode(input).ok;
}

export function creditCodeFailureMessage(failure: CreditCodeFailure): Message {
  switch (failure.reason) {
    case 'length':
      return { key: 'applicants.creditCode.length', params: { length: failure.length, required: CREDIT_CODE_LENGTH } };
    case 'charset':
      return { key: 'applicants.creditCode.charset', params: { position: failure.position, character: failure.character } };
    case 'checksum':
      return { key: 'applicants.creditCode.checksum', params: { expected: failure.expected, actual: failure.actual } };
  }
}

/**
 * A zod string schema that normalises the code and refuses invalid ones with translated keys
 * (`applicants.creditCode.required|length|charset|checksum`). Output is the canonical code.
 */
export const creditCodeSchema = z
  .string({ error: 'applicants.creditCode.required' })
  .overwrite(normaliseCreditCode)
  .superRefine((value, ctx) => {
    if (value.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'applicants.creditCode.required' });
      return;
    }
    const result = validateCreditCode(value);
    if (!result.ok) {
      const message = creditCodeFailureMessage(result);
      ctx.addIssue({ code: 'custom', message: message.key, params: message.params });
    }
  });

// --- Decoding ---------------------------------------------------------------------------------

/** Registration authorities (登记管理部门) and the organisation types each may register (GB 32100-2015, annex A). */
export const CREDIT_CODE_AUTHORITIES: Readonly<Record<string, readonly string[]>> = {
  '1': ['1', '2', '3', '9'], // 机构编制: 机关, 事业单位, 中央编办直接管理的群众团体, 其他
  '2': ['1', '9'], // 外交: 外国常驻新闻机构, 其他
  '3': ['1', '2', '3', '4', '5', '9'], // 司法行政: 律师执业机构, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会, 其他
  '4': ['1', '9'], // 文化: 外国在华文化中心, 其他
  '5': ['1', '2', '3', '9'], // 民政: 社会团体, 民办非企业单位, 基金会, 其他
  '6': ['1', '2', '9'], // 旅游: 外国旅游部门常驻代表机构, 港澳台地区旅游部门常驻内地（大陆）代表机构, 其他
  '7': ['1', '2', '9'], // 宗教: 宗教活动场所, 宗教院校, 其他
  '8': ['1', '9'], // 工会: 基层工会, 其他
  '9': ['1', '2', '3'], // 市场监管（原工商）: 企业, 个体工商户, 农民专业合作社
  A: ['1', '9'], // 中央军委改革和编制办公室: 军队事业单位, 其他
  N: ['1', '2', '3', '9'], // 农业: 组级, 村级, 乡镇级集体经济组织, 其他
  Y: ['1'], // 其他
};

export interface CreditCodeParts {
  code: string;
  /** Position 1 with its label key, e.g. `applicants.creditCode.authority.9`. */
  authority: { code: string; label: Message; known: boolean };
  /** Position 2 with its label key, e.g. `applicants.creditCode.orgType.9.1`. */
  organisationType: { code: string; label: Message; known: boolean };
  /** Positions 3–8: administrative area (GB/T 2260). */
  areaCode: string;
  /** Positions 9–17: organisation code (GB 11714). */
  organisationCode: string;
  /**
   * Whether the organisation code's own check character (GB 11714) is right. Informational only:
   * GB 32100 validity depends on the 18th character, and a few legacy codes do not satisfy it.
   */
  organisationCodeCheckValid: boolean;
  checkCharacter: string;
}

/** Decode a code; returns null unless the code is valid. */
export function decodeCreditCode(input: string): CreditCodeParts | null {
  const result = validateCreditCode(input);
  if (!result.ok) return null;
  const code = result.code;
  const authority = code[0]!;
  const orgType = code[1]!;
  const types = CREDIT_CODE_AUTHORITIES[authority];
  const authorityKnown = types !== undefined;
  const typeKnown = types?.includes(orgType) ?? false;
  return {
    code,
    authority: {
      code: authority,
      known: authorityKnown,
      label: { key: authorityKnown ? `applicants.creditCode.authority.${authority}` : 'applicants.creditCode.authority.unknown' },
    },
    organisationType: {
      code: orgType,
      known: typeKnown,
      label: { key: typeKnown ? `applicants.creditCode.orgType.${authority}.${orgType}` : 'applicants.creditCode.orgType.unknown' },
    },
    areaCode: code.slice(2, 8),
    organisationCode: code.slice(8, 17),
    organisationCodeCheckValid: organisationCodeCheckValid(code.slice(8, 17)),
    checkCharacter: code[17]!,
  };
}

const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714: weights 3,7,9,10,5,8,4,2 over 8 characters (0–9, A–Z = 10–35); C9 = 11 − S mod 11 (10 → X, 11 → 0). */
export function organisationCodeCheckValid(orgCode: string): boolean {
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(orgCode)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(orgCode[i]!, 36) * ORG_CODE_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  const expected = c === 10 ? 'X' : c === 11 ? '0' : String(c);
  return orgCode[8] === expected;
}
