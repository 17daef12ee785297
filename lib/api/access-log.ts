// Werkzeug's access log, as the Flask window showed it:
//   127.0.0.1 - - [02/Aug/2018 04:13:14] "GET / HTTP/1.0" 200 -

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** BaseHTTPRequestHandler.log_date_time_string(): local time, `02/Aug/2018 04:13:14`. */
export function werkzeugDate(date: Date): string {
  return (
    `${two(date.getDate())}/${MONTHS[date.getMonth()]}/${date.getFullYear()} ` +
    `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`
  );
}

export interface LoggedRequest {
  /** the client's address; an IPv4-mapped IPv6 address is shown as IPv4, as Python would */
  address: string | undefined;
  method: string;
  /** the request target as sent, query string included */
  url: string;
  httpVersion: string;
  status: number;
}

export function accessLogLine(request: LoggedRequest, date: string): string {
  const address = (request.address ?? '-').replace(/^::ffff:/, '');
  return `${address} - - [${date}] "${request.method} ${request.url} HTTP/${request.httpVersion}" ${request.status} -`;
}

/**
 * Writes access-log lines in one write per turn of the event loop: under load a write per request costs
 * a system call each, and the lines keep their order either way.
 */
export class AccessLog {
  private pending = '';
  private cachedSecond = -1;
  private cachedDate = '';

  constructor(
    private readonly write: (text: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  log(request: LoggedRequest): void {
    if (this.pending === '') setImmediate(() => this.flush());
    this.pending += `${accessLogLine(request, this.date())}\n`;
  }

  flush(): void {
    if (this.pending === '') return;
    const text = this.pending;
    this.pending = '';
    this.write(text);
  }

  /** The date string changes once a second; formatting it per request would be wasted work. */
  private date(): string {
    const ms = this.now();
    const second = Math.floor(ms / 1000);
    if (second !== this.cachedSecond) {
      this.cachedSecond = second;
      this.cachedDate = werkzeugDate(new Date(ms));
    }
    return this.cachedDate;
  }
}
