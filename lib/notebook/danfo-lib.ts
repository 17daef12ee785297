// danfojs-node, loaded without two of its heaviest dependencies until danfo needs them. danfo require()s
// all of mathjs and xlsx when it loads (most of the import cell's time) but calls them only inside
// functions: mathjs in std / var / median / mode, xlsx in readExcel / toExcel. A stand-in module in
// require's cache loads the real one on first use, so every danfo call works unchanged and a notebook
// that never asks for those never pays for them.
// The notebook's modules take DataFrame and Series from here, never from 'danfojs-node' directly.
import { createRequire, Module } from 'node:module';
import type * as Danfo from 'danfojs-node';

const requireHere = createRequire(import.meta.url);
const requireFromDanfo = createRequire(requireHere.resolve('danfojs-node'));

/** Puts a stand-in for module `name` (as danfo resolves it) into require's cache, unless it is loaded. */
function defer(name: string): void {
  const path = requireFromDanfo.resolve(name);
  if (requireHere.cache[path]) return;
  let real: object | undefined;
  const load = (): object => {
    if (!real) {
      delete requireHere.cache[path];
      real = requireFromDanfo(name) as object;
    }
    return real;
  };
  const standIn = new Module(path);
  standIn.filename = path;
  standIn.loaded = true;
  standIn.exports = new Proxy(
    {},
    {
      get: (_, key) => Reflect.get(load(), key),
      has: (_, key) => Reflect.has(load(), key),
      ownKeys: () => Reflect.ownKeys(load()),
      getOwnPropertyDescriptor: (_, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
        // a proxy may not report a property its (empty) target lacks as non-configurable
        return descriptor && { ...descriptor, configurable: true };
      },
    },
  );
  requireHere.cache[path] = standIn;
}

defer('mathjs');
defer('xlsx');
const danfo = requireHere('danfojs-node') as typeof Danfo;

export const { DataFrame, Series } = danfo;
export type DataFrame = Danfo.DataFrame;
export type Series = Danfo.Series;
