/**
 * Browser scripts of this bench (farm-page.ts, console-page.ts) bundled with what they import
 * into one classic script. Bundled rather than passed as functions: tsx names functions with a
 * helper that does not exist in the page.
 */
import { fileURLToPath } from 'node:url';

export async function bundleScript(file: string): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [fileURLToPath(new URL(file, import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild produced nothing for ${file}`);
  return output.text;
}
