/**
 * The seal's PNG decoding: what is drawn is exactly the PNG's visible pixels, whatever colour an
 * editor left under the fully transparent ones, and that hidden colour costs the PDF nothing.
 */
import { execFileSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderCertificate } from '../../../electron/core/pdf';
import { decodePng } from '../../../electron/core/pdf/layout/png-image';
import { makeTranslate } from '../../fixtures/pdf/i18n';
import { certificateModel } from '../../fixtures/pdf/models';
import { waitForPoppler, writeTemp } from '../../fixtures/pdf/poppler';
import { sealPng } from '../../fixtures/pdf/seal-png';

beforeAll(() => waitForPoppler());

function planes(png: Buffer) {
  const decoded = decodePng(png)!;
  return { ...decoded, rgb: inflateSync(decoded.color), a: inflateSync(decoded.alpha!) };
}

describe('seal PNG', () => {
  it('keeps every visible pixel and its transparency exactly', () => {
    for (const gradient of [false, true]) {
      const clean = planes(sealPng(240, { gradient }));
      const noisy = planes(sealPng(240, { gradient, noise: true }));
      expect(noisy.a.equals(clean.a)).toBe(true);
      expect(noisy.colorSpace).toBe('DeviceRGB');
      let visible = 0;
      const changed: number[] = [];
      for (let i = 0; i < noisy.a.length; i++) {
        if (noisy.a[i] === 0) continue;
        visible++;
        if (!noisy.rgb.subarray(3 * i, 3 * i + 3).equals(clean.rgb.subarray(3 * i, 3 * i + 3))) changed.push(i);
      }
      expect(visible).toBeGreaterThan(5000);
      expect(changed).toEqual([]);
    }
  });

  it('does not carry the colour hidden under transparent pixels into the PDF', async () => {
    const clean = planes(sealPng());
    const noisy = planes(sealPng(240, { noise: true }));
    expect(noisy.color.length).toBe(clean.color.length);
    expect(noisy.color.length).toBeLessThan(1024);

    const { t } = makeTranslate('zh-CN');
    const sealed = await renderCertificate(certificateModel({ seal: sealPng(240, { noise: true }) }), { t });
    const unsealed = await renderCertificate(certificateModel({ seal: undefined }), { t });
    expect(execFileSync('pdfimages', ['-list', writeTemp(sealed)], { encoding: 'utf8' })).toMatch(/\bimage\b.*\n.*\bsmask\b/);
    // What the seal adds is its transparency plane (anti-aliased edges) and a near-empty colour plane.
    expect(sealed.length - unsealed.length).toBeLessThan(clean.alpha!.length + 1024);
  });
});
