// The docs' link check: every relative link and #anchor in README.md and docs/*.md must lead to a file
// that exists and, for an anchor, to a heading of that file, as GitHub renders it. Run by
// scripts/docs-links.test.ts in the unit suite, so `npm test` fails on a broken link.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export interface BrokenLink {
  file: string;
  line: number;
  target: string;
  reason: string;
}

/** The Markdown files the check reads: README.md and docs/*.md, relative to the repository root. */
export function docFiles(root: string): string[] {
  const docs = readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => join('docs', name));
  return ['README.md', ...docs];
}

/** Each line outside fenced code blocks, with its 1-based number. */
function proseLines(markdown: string): { text: string; line: number }[] {
  const lines: { text: string; line: number }[] = [];
  let fence: string | null = null;
  markdown.split('\n').forEach((text, i) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(text)?.[1];
    if (marker && (fence === null || marker.startsWith(fence))) {
      fence = fence === null ? marker : null;
      return;
    }
    if (fence === null) lines.push({ text, line: i + 1 });
  });
  return lines;
}

/**
 * GitHub's anchor for a heading: the text as rendered (no backticks, asterisks or link syntax),
 * lower-cased, every character but letters, digits, '-', '_' and spaces dropped, spaces turned into
 * '-'; a repeated heading gets -1, -2, ….
 */
export function headingSlugs(markdown: string): Set<string> {
  const slugs = new Set<string>();
  const seen = new Map<string, number>();
  for (const { text } of proseLines(markdown)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(text)?.[1];
    if (heading === undefined) continue;
    const slug = heading
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[`*]/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    slugs.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return slugs;
}

/** The links of a Markdown text (images too), outside code, with their line numbers. */
export function markdownLinks(markdown: string): { target: string; line: number }[] {
  return proseLines(markdown).flatMap(({ text, line }) =>
    [...text.replace(/`[^`]*`/g, '').matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map(
      (match) => ({ target: match[1], line }),
    ),
  );
}

const EXTERNAL = /^[a-z][a-z0-9+.-]*:/i;

/** Every broken relative link and anchor in the given Markdown files (paths relative to root). */
export function brokenLinks(root: string, files: string[]): BrokenLink[] {
  const slugCache = new Map<string, Set<string>>();
  const slugsOf = (path: string) => {
    if (!slugCache.has(path)) slugCache.set(path, headingSlugs(readFileSync(path, 'utf8')));
    return slugCache.get(path)!;
  };
  return files.flatMap((file) => {
    const source = join(root, file);
    return markdownLinks(readFileSync(source, 'utf8')).flatMap(({ target, line }): BrokenLink[] => {
      if (EXTERNAL.test(target)) return [];
      const [pathPart, anchor] = target.split('#', 2) as [string, string | undefined];
      const path = pathPart === '' ? source : join(dirname(source), decodeURIComponent(pathPart));
      if (!existsSync(path)) {
        return [{ file, line, target, reason: `no file ${relative(root, path)}` }];
      }
      if (anchor === undefined || !path.endsWith('.md')) return [];
      if (slugsOf(path).has(decodeURIComponent(anchor).toLowerCase())) return [];
      return [{ file, line, target, reason: `no heading #${anchor} in ${relative(root, path)}` }];
    });
  });
}
