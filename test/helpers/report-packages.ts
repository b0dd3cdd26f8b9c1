// Which packages a node process loads: an --import hook (as a data: URL) that reports on stderr every bare
// specifier the process resolves ("[package] docx") and every file it loads from a compiled cache
// ("[compiled] file:///…/.cache/…"), and the reader of those lines.

/** Pass as `--import REPORT_PACKAGES` to the node process to watch. */
export const REPORT_PACKAGES = `data:text/javascript,${encodeURIComponent(
  `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(\`export async function resolve(specifier, context, next) {
  if (!/^(node:|\\\\.|\\\\/|file:|data:)/.test(specifier)) process.stderr.write('[package] ' + specifier + '\\\\n');
  const resolved = await next(specifier, context);
  if (resolved.url.startsWith('file:') && resolved.url.includes('/.cache/')) process.stderr.write('[compiled] ' + resolved.url + '\\\\n');
  return resolved;
}\`));`,
)}`;

/** The bare specifiers a watched process resolved, from its stderr. */
export function packagesIn(stderr: string): Set<string> {
  return new Set([...stderr.matchAll(/^\[package\] (\S+)$/gm)].map((match) => match[1]!));
}
