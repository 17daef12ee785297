// Spark's cast of a timestamp to string: `yyyy-MM-dd HH:mm:ss` plus the fraction of a second with its
// trailing zeros dropped (`.123`, `.12`, none for whole seconds), as java.sql.Timestamp.toString does.
// Spark uses the JVM's local time zone; we use TZ when it is set and UTC otherwise, so the output does
// not depend on the machine it runs on.

export function sparkTimeZone(env: Record<string, string | undefined> = process.env): string {
  return env.TZ?.trim() || 'UTC';
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

// The date and time of the last second formatted, per time zone: Intl's formatToParts is slow per call, and a
// topic's records come second after second, most of them sharing one with the record before.
const lastSecond = new Map<string, { second: number; text: string }>();

function secondText(second: number, timeZone: string): string {
  const last = lastSecond.get(timeZone);
  if (last?.second === second) return last.text;
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(second * 1000)
      .map((p) => [p.type, p.value]),
  );
  const text = `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
  lastSecond.set(timeZone, { second, text });
  return text;
}

/** `2018-08-02 04:13:14.123` for a Kafka timestamp in epoch milliseconds. */
export function sparkTimestampString(epochMs: number, timeZone: string = sparkTimeZone()): string {
  const second = Math.floor(epochMs / 1000);
  const millis = epochMs - second * 1000;
  const fraction = millis === 0 ? '' : `.${String(millis).padStart(3, '0').replace(/0+$/, '')}`;
  return `${secondText(second, timeZone)}${fraction}`;
}
