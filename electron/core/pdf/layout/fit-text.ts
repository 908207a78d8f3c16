import type { Doc } from '../pdf-context';

export interface FitOptions {
  width: number;
  height: number;
  maxSize: number;
  /** Below this a single line gives way to wrapping. */
  singleLineMinSize: number;
  /** Smallest size when wrapped; if even that does not fit, the size keeps shrinking. */
  minSize: number;
  maxLines: number;
  /** Line height as a multiple of the font size. */
  leading?: number;
  characterSpacing?: number;
}

export interface FittedText {
  size: number;
  lines: string[];
  lineHeight: number;
}

const OPENING = /[（(“‘《〈【「『[]/u;
const CLOSING = /[）)”’》〉】」』\]、，。；：！？,.;:!?·]/u;

/**
 * Units a line may break between: one CJK character each, whole Latin words, with opening
 * brackets kept on the next unit and closing punctuation on the previous one.
 */
export function breakUnits(text: string): string[] {
  const raw = text.match(/[A-Za-z0-9][A-Za-z0-9'’.&\-/]*\s*|\s+|./gsu) ?? [];
  const units: string[] = [];
  let pendingOpen = '';
  for (const piece of raw) {
    if (OPENING.test(piece) && piece.length === 1) {
      pendingOpen += piece;
      continue;
    }
    const unit = pendingOpen + piece;
    pendingOpen = '';
    if (units.length > 0 && CLOSING.test(unit[0]!) && unit.length === 1) {
      units[units.length - 1] += unit;
    } else {
      units.push(unit);
    }
  }
  if (pendingOpen) units.push(pendingOpen);
  return units;
}

/** Greedy wrap of units into lines no wider than `width` at the doc's current font and size. */
export function wrapUnits(doc: Doc, units: string[], width: number, characterSpacing = 0): string[] {
  const lines: string[] = [];
  let current = '';
  for (const unit of units) {
    const candidate = current + unit;
    if (current && doc.widthOfString(candidate.trimEnd(), { characterSpacing }) > width) {
      lines.push(current.trimEnd());
      current = unit.trimStart();
    } else {
      current = candidate;
    }
  }
  if (current.trim()) lines.push(current.trimEnd());
  return lines;
}

/** Wraps into the given number of lines with widths as even as the break units allow. */
function balancedWrap(doc: Doc, units: string[], width: number, lineCount: number, spacing: number): string[] {
  let low = 0;
  let high = width;
  let best = wrapUnits(doc, units, width, spacing);
  for (let step = 0; step < 12; step++) {
    const mid = (low + high) / 2;
    const lines = wrapUnits(doc, units, mid, spacing);
    const fits = lines.length <= lineCount && lines.every((l) => doc.widthOfString(l, { characterSpacing: spacing }) <= width);
    if (fits) {
      best = lines;
      high = mid;
    } else {
      low = mid;
    }
  }
  return best;
}

/**
 * Picks the largest size at which `text` fits the box: one line if it can stay at or above
 * `singleLineMinSize`, otherwise balanced wrapped lines, shrinking until nothing overflows.
 * The doc's font must be set to the face the text will be drawn in; its size is changed.
 */
export function fitText(doc: Doc, text: string, options: FitOptions): FittedText {
  const leading = options.leading ?? 1.3;
  const spacing = options.characterSpacing ?? 0;
  const units = breakUnits(text.trim());
  const widthAt = (size: number, line: string): number => {
    doc.fontSize(size);
    return doc.widthOfString(line, { characterSpacing: spacing });
  };
  const single = text.trim();
  for (let size = options.maxSize; size >= options.singleLineMinSize; size -= 0.5) {
    if (widthAt(size, single) <= options.width && size * leading <= options.height) {
      return { size, lines: [single], lineHeight: size * leading };
    }
  }
  for (let size = options.singleLineMinSize; size > 1; size -= 0.5) {
    doc.fontSize(size);
    const lines = wrapUnits(doc, units, options.width, spacing);
    const lineHeight = size * leading;
    const allowMoreLines = size < options.minSize;
    const narrowEnough = lines.every((l) => doc.widthOfString(l, { characterSpacing: spacing }) <= options.width);
    if (narrowEnough && (lines.length <= options.maxLines || allowMoreLines) && lines.length * lineHeight <= options.height) {
      const balanced = balancedWrap(doc, units, options.width, lines.length, spacing);
      return { size, lines: balanced, lineHeight };
    }
  }
  throw new RangeError('text cannot be fitted into the box');
}
