// The student's own explanations in the report: a block under each step, between markers, which the next
// `npm run lab` reads from the report it is about to replace and writes back in place. The report keeps a
// fingerprint of everything else in it: an edit outside the blocks shows as a changed fingerprint, and
// the old report is then kept beside the new one (report-file.ts), so nothing a student wrote is lost.
import { createHash } from 'node:crypto';

/** What an empty block shows; it is never read back as an explanation. */
export const PLACEHOLDER = '_Write your explanation here, in your own words: `npm run lab` keeps it._';

const OPEN = /^<!-- explanation:([\w-]+) -->$/;
const CLOSE = '<!-- /explanation -->';
const FINGERPRINT = /^<!-- report fingerprint: ([0-9a-f]{64})\b.*-->$/;

export function explanationBlock(key: string, text: string | undefined): string {
  return [`<!-- explanation:${key} -->`, text ?? PLACEHOLDER, CLOSE].join('\n');
}

/** A block's text as the student left it, without our placeholder; undefined when nothing is left. */
function written(lines: string[]): string | undefined {
  const text = lines
    .filter((line) => line.trim() !== PLACEHOLDER)
    .join('\n')
    .replace(/^\s*\n|\s+$/g, '');
  return text.trim() ? text : undefined;
}

interface Parsed {
  explanations: Map<string, string>;
  /** the report with every block emptied and the fingerprint line left out */
  rest: string[];
  fingerprint: string | null;
}

/**
 * Reads the blocks line by line. A block whose closing marker was deleted ends where the next block
 * opens (or at the end): its text is kept, and the changed fingerprint keeps the whole old report too.
 */
function parse(markdown: string): Parsed {
  const explanations = new Map<string, string>();
  const rest: string[] = [];
  let fingerprint: string | null = null;
  let open: { key: string; lines: string[] } | null = null;
  const close = () => {
    if (!open) return;
    const text = written(open.lines);
    // a key written twice keeps both texts
    if (text !== undefined) {
      const before = explanations.get(open.key);
      explanations.set(open.key, before === undefined ? text : `${before}\n\n${text}`);
    }
    open = null;
  };
  // an editor may have saved the report with Windows line ends
  for (const line of markdown.split(/\r?\n/)) {
    const trimmed = line.trim();
    const opening = OPEN.exec(trimmed);
    const stamp = FINGERPRINT.exec(trimmed);
    if (opening) {
      close();
      open = { key: opening[1], lines: [] };
      rest.push(trimmed);
    } else if (trimmed === CLOSE && open) {
      close();
      rest.push(trimmed);
    } else if (open) {
      open.lines.push(line);
    } else if (stamp) {
      fingerprint = stamp[1];
    } else {
      rest.push(line.trimEnd());
    }
  }
  close();
  return { explanations, rest, fingerprint };
}

/** Every explanation a report holds, by key (`summary`, `step-3`, …). */
export const readExplanations = (markdown: string) => parse(markdown).explanations;

const hash = (rest: string[]) => createHash('sha256').update(rest.join('\n').trim()).digest('hex');

/** The report with its fingerprint as the last line: a hash of all but the explanations. */
export function stampFingerprint(markdown: string): string {
  const digest = hash(parse(markdown).rest);
  return `${markdown.trimEnd()}\n\n<!-- report fingerprint: ${digest} (npm run lab rewrites this file and keeps only what is written between the explanation markers) -->\n`;
}

/** True when someone changed the report outside its explanation blocks (or it has no fingerprint). */
export function editedOutsideExplanations(markdown: string): boolean {
  const { rest, fingerprint } = parse(markdown);
  return fingerprint !== hash(rest);
}
