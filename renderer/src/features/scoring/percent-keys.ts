/**
 * What a key does to the percent control, as a pure function so the whole keyboard map is in one
 * place (and the same for an expert's score and the panel's agreed percent).
 */
export type PercentCommand = 'commit' | 'addStrength' | 'addOpportunity';

export type KeyOutcome =
  | { kind: 'set'; value: number | null }
  | { kind: 'buffer'; buffer: string }
  | { kind: 'invalid'; typed: number }
  | { kind: 'navigate'; direction: 1 | -1 }
  | { kind: 'command'; command: PercentCommand }
  | { kind: 'none' };

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export interface PercentState {
  value: number | null;
  /** Digits typed so far, not yet confirmed with Enter. */
  buffer: string;
  /** Allowed percents, ascending (the framework's steps). */
  choices: readonly number[];
  /** Where arrows start from when nothing is chosen yet (e.g. the experts' median in consensus). */
  anchor?: number | null | undefined;
}

function step(state: PercentState, direction: 1 | -1): number | null {
  const { value, choices } = state;
  if (choices.length === 0) return value;
  if (value === null) {
    const anchor = state.anchor;
    return anchor !== null && anchor !== undefined && choices.includes(anchor) ? anchor : choices[0]!;
  }
  if (direction === 1) return choices.find((c) => c > value) ?? choices[choices.length - 1]!;
  return [...choices].reverse().find((c) => c < value) ?? choices[0]!;
}

export function percentKey(input: KeyInput, state: PercentState): KeyOutcome {
  const { key } = input;
  const command = input.ctrlKey || input.metaKey;
  if (command) {
    if (key === 'ArrowRight') return { kind: 'navigate', direction: 1 };
    if (key === 'ArrowLeft') return { kind: 'navigate', direction: -1 };
    if (key === 'Enter') return { kind: 'command', command: 'commit' };
    return { kind: 'none' };
  }
  if (input.altKey) return { kind: 'none' };
  switch (key) {
    case 'PageDown':
    case 'j':
    case 'J':
      return { kind: 'navigate', direction: 1 };
    case 'PageUp':
    case 'k':
    case 'K':
      return { kind: 'navigate', direction: -1 };
    case 'ArrowUp':
    case 'ArrowRight':
      return { kind: 'set', value: step(state, 1) };
    case 'ArrowDown':
    case 'ArrowLeft':
      return { kind: 'set', value: step(state, -1) };
    case 'Home':
      return state.choices.length ? { kind: 'set', value: state.choices[0]! } : { kind: 'none' };
    case 'End':
      return state.choices.length ? { kind: 'set', value: state.choices[state.choices.length - 1]! } : { kind: 'none' };
    case 'Delete':
      return { kind: 'set', value: null };
    case 'Enter': {
      if (state.buffer === '') return { kind: 'none' };
      const typed = Number(state.buffer);
      return state.choices.includes(typed) ? { kind: 'set', value: typed } : { kind: 'invalid', typed };
    }
    case 'Backspace':
      return state.buffer === '' ? { kind: 'none' } : { kind: 'buffer', buffer: state.buffer.slice(0, -1) };
    case 'Escape':
      return state.buffer === '' ? { kind: 'none' } : { kind: 'buffer', buffer: '' };
    case 's':
    case 'S':
      return { kind: 'command', command: 'addStrength' };
    case 'o':
    case 'O':
      return { kind: 'command', command: 'addOpportunity' };
    default:
      if (/^\d$/.test(key)) return { kind: 'buffer', buffer: (state.buffer + key).replace(/^0+(?=\d)/, '').slice(0, 3) };
      return { kind: 'none' };
  }
}
