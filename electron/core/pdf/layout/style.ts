export const COLORS = {
  text: '#1f1f1f',
  muted: '#5f5f5f',
  rule: '#8c8c8c',
  lightRule: '#c8c8c8',
  accent: '#8b1a1a',
  headerFill: '#efe7dc',
  zebra: '#f8f6f2',
  gold: '#b08d3c',
  chartFill: '#c0392b',
} as const;

export const SIZES = {
  small: 8.5,
  body: 10,
  h3: 11.5,
  h2: 13.5,
  h1: 17,
  title: 24,
} as const;

/** Extra leading between wrapped lines; CJK reads poorly when set solid. */
export const LINE_GAP = 3;
