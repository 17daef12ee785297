// Maven's downloads, told in a few lines. With -q Maven says nothing for the minutes the first stack:up
// takes; without it, two lines per file (about 670 of them). This tallies the "Downloaded from" lines
// and gives a line per STEP_BYTES downloaded, a line when Maven has been quiet since the last tick, and
// a closing line: a bounded count of plain lines (no carriage returns), readable in a CI log too.

const UNITS: Record<string, number> = { B: 1, kB: 1e3, MB: 1e6, GB: 1e9 };

export const STEP_BYTES = 10e6;

/** "[INFO] Downloaded from central: https://…/kafka_2.13-4.1.1.jar (6.4 MB at 2.1 MB/s)" → the file and its size. */
export function parseDownloaded(line: string): { file: string; bytes: number } | null {
  const match = /Downloaded from [^:]+: \S*\/([^/\s]+) \(([\d.]+) (B|kB|MB|GB) at /.exec(line);
  return match ? { file: match[1], bytes: Number(match[2]) * UNITS[match[3]] } : null;
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const files = (count: number) => `${count} file${count === 1 ? '' : 's'}`;

export class DownloadTally {
  files = 0;
  bytes = 0;
  private spokeSinceTick = false;

  constructor(private readonly stepBytes = STEP_BYTES) {}

  /** One line of Maven's output; a progress line when it completes another `stepBytes`. */
  add(line: string): string | undefined {
    const download = parseDownloaded(line);
    if (!download) return undefined;
    const before = Math.floor(this.bytes / this.stepBytes);
    this.files += 1;
    this.bytes += download.bytes;
    if (Math.floor(this.bytes / this.stepBytes) === before) return undefined;
    this.spokeSinceTick = true;
    return `  ${megabytes(this.bytes)} downloaded, ${files(this.files)} (the latest: ${download.file})`;
  }

  /** Called every so often: a line saying Maven is still at it, unless a progress line came since the last call. */
  tick(seconds: number): string | undefined {
    const spoke = this.spokeSinceTick;
    this.spokeSinceTick = false;
    if (spoke) return undefined;
    return `  ... Maven is still resolving (${Math.round(seconds)} s): ${megabytes(this.bytes)} downloaded, ${files(this.files)} so far`;
  }

  summary(seconds: number): string {
    const took = `${Math.round(seconds)} s`;
    return this.files === 0
      ? `Maven downloaded nothing: every jar was in its local repository (~/.m2); copied in ${took}`
      : `Maven downloaded ${megabytes(this.bytes)} in ${files(this.files)} in ${took}`;
  }
}
