/**
 * fontkit loads its WOFF2 decoder (brotli, whose 750 KB dictionary is parsed as it loads: ~25 ms of
 * every print's start-up) although the documents embed only TrueType files. Imported before pdfkit
 * and fontkit, this puts a stand-in for `brotli/decompress.js` in Node's module cache that loads the
 * real decoder on its first call, so a WOFF2 font would still decode exactly as before.
 */
import { Module, createRequire } from 'node:module';
import { dirname } from 'node:path';

function installLazyDecoder(): void {
  let fontkitRequire: NodeJS.Require;
  let path: string;
  try {
    fontkitRequire = createRequire(createRequire(import.meta.url).resolve('fontkit'));
    path = fontkitRequire.resolve('brotli/decompress.js');
  } catch {
    return; // laid out differently: fontkit loads the decoder itself, as it always did
  }
  const cache = fontkitRequire.cache;
  if (cache[path]) return;
  type Decompress = (buffer: Uint8Array, outSize?: number) => Uint8Array;
  let real: Decompress | undefined;
  const decompress: Decompress = (buffer, outSize) => {
    real ??= (fontkitRequire('brotli/dec/decode.js') as { BrotliDecompressBuffer: Decompress }).BrotliDecompressBuffer;
    return real(buffer, outSize);
  };
  const stand = new Module(path);
  stand.filename = path;
  stand.paths = [dirname(path)];
  stand.exports = decompress;
  stand.loaded = true;
  cache[path] = stand;
}

installLazyDecoder();
