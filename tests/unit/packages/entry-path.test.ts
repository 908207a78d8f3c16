import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEntryPath, collisionKey, findFolderConflict, type EntryPathRule } from '../../../electron/core/packages/entry-path';

describe('checkEntryPath', () => {
  it.each<[string, EntryPathRule | null]>([
    ['application.json', null],
    ['documents/4.1 领导/质量手册（2025版）.pdf', null],
    ['.hidden/a..b/x.tar.gz', null],
    ['CONSOLE.txt', null],
    ['com10', null],
    ['', 'emptySegment'],
    ['a//b', 'emptySegment'],
    ['a/', 'emptySegment'],
    ['a\u0000', 'controlCharacter'],
    ['a\u009b', 'controlCharacter'],
    ['\u202egnp.exe', 'controlCharacter'],
    ['a\\b', 'backslash'],
    ['/etc/passwd', 'absolute'],
    ['C:/x', 'driveLetter'],
    ['z:x', 'driveLetter'],
    ['a/b:c', 'colon'],
    ['file.txt::$DATA', 'colon'],
    ['..', 'parentSegment'],
    ['a/../b', 'parentSegment'],
    ['./a', 'dotSegment'],
    ['a<b', 'reservedCharacter'],
    ['a*', 'reservedCharacter'],
    ['CON', 'deviceName'],
    ['x/nul.txt', 'deviceName'],
    ['Lpt3.tar.gz', 'deviceName'],
    ['COM¹', 'deviceName'],
    ['aux .md', 'deviceName'],
    ['conin$', 'deviceName'],
    ['a.', 'trailingDotOrSpace'],
    ['a /b', 'trailingDotOrSpace'],
    ['...', 'trailingDotOrSpace'],
    ['é'.repeat(128), 'nameTooLong'],
  ])('%j → %s', (path, rule) => {
    expect(checkEntryPath(path)?.rule ?? null).toBe(rule);
  });

  it('limits the whole path length', () => {
    expect(checkEntryPath('a/'.repeat(30) + 'b', 60)?.rule).toBe('nameTooLong');
    expect(checkEntryPath('a/'.repeat(29) + 'b', 60)).toBeNull();
  });

  const safeSegment = fc.stringMatching(/^[a-z0-9\u4e00-\u4e20_-][a-z0-9\u4e00-\u4e20 ._-]{0,20}[a-z0-9\u4e00-\u4e20_-]$/u).filter((s) => !/^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/u.test(s.split('.')[0]!.trimEnd() + '.'));
  const hostile = fc.constantFrom('..', '.', '', 'C:', 'a:b', 'a\\b', 'CON', 'nul.txt', 'com1.x', 'lpt9', 'a\u0001', 'a?', 'a.', 'a ');

  it('accepts any path of safe segments', () => {
    fc.assert(fc.property(fc.array(safeSegment, { minLength: 1, maxLength: 6 }), (segments) => checkEntryPath(segments.join('/')) === null), { numRuns: 1000 });
  });

  it('refuses any path with one hostile segment, wherever it is', () => {
    fc.assert(
      fc.property(fc.array(safeSegment, { maxLength: 4 }), hostile, fc.array(safeSegment, { maxLength: 4 }), (before, bad, after) => checkEntryPath([...before, bad, ...after].join('/')) !== null),
      { numRuns: 1000 },
    );
  });
});

describe('collisions', () => {
  it('treats case and Unicode normalisation variants as the same file', () => {
    expect(collisionKey('Report.PDF')).toBe(collisionKey('report.pdf'));
    expect(collisionKey('caf\u00e9')).toBe(collisionKey('cafe\u0301'));
    expect(collisionKey('a')).not.toBe(collisionKey('b'));
  });

  it('finds a file that is also a folder, in any order and case', () => {
    expect(findFolderConflict(['a/b/c', 'x', 'A/B'])).toEqual({ path: 'a/b/c', other: 'A/B' });
    expect(findFolderConflict(['a/b', 'a/c', 'ab'])).toBeNull();
  });
});
