// One way to make a kafkajs client for every lab program, with kafkajs' JSON log lines turned into
// short readable ones, and one check that turns "connection refused" into what to do about it.
import kafkajs, { Kafka, logLevel, type Admin, type LogEntry, type KafkaConfig } from 'kafkajs';
import { loadConfig, type LabConfig } from '../config.js';
import { ServiceUnreachableError } from '../errors.js';

export interface KafkaClientOptions {
  clientId?: string;
  /** kafkajs log level; probes and tests use logLevel.NOTHING. */
  level?: logLevel;
  /** Override of kafkajs' connection retries (probes want to fail fast). */
  retry?: KafkaConfig['retry'];
  /** How long one request may wait for its answer (kafkajs' default: 30 s). */
  requestTimeout?: number;
}

function shortLogLine({ namespace, level, log }: LogEntry): void {
  const { message, error } = log as { message: string; error?: string };
  const label = logLevel[level] ?? 'LOG';
  console.error(`[kafkajs ${label}] ${namespace}: ${message}${error ? ` (${error})` : ''}`);
}

export function createKafka(
  config: LabConfig['kafka'] = loadConfig().kafka,
  options: KafkaClientOptions = {},
): Kafka {
  return new Kafka({
    clientId: options.clientId ?? config.clientId,
    brokers: config.brokers,
    logLevel: options.level ?? logLevel.ERROR,
    logCreator: () => shortLogLine,
    connectionTimeout: 3000,
    retry: options.retry,
    ...(options.requestTimeout === undefined ? {} : { requestTimeout: options.requestTimeout }),
  });
}

// kafkajs' error classes for "no broker answered" (its error classes are not named ESM exports).
const UNREACHABLE = [
  kafkajs.KafkaJSConnectionError,
  kafkajs.KafkaJSBrokerNotFound,
  kafkajs.KafkaJSRequestTimeoutError,
];

/** True when the error (or what caused it, through kafkajs' retries) is a broker nobody could reach. */
export function isUnreachable(err: unknown): boolean {
  for (let e = err; e instanceof Error; e = (e as { cause?: unknown }).cause) {
    if (UNREACHABLE.some((kind) => e instanceof kind)) return true;
  }
  return false;
}

export function kafkaUnreachable(brokers: string[], cause?: unknown): ServiceUnreachableError {
  const why = cause instanceof Error ? ` (${cause.message})` : '';
  return new ServiceUnreachableError(
    `Kafka is not reachable at ${brokers.join(',')}${why}`,
    'run `npm run stack:up` (or check KAFKA_BROKERS)',
  );
}

/** Runs `work` with a connected admin client; a broker that does not answer becomes ServiceUnreachableError. */
export async function withAdmin<T>(
  config: LabConfig['kafka'],
  work: (admin: Admin) => Promise<T>,
  retries = 2,
): Promise<T> {
  const admin = createKafka(config, {
    level: logLevel.NOTHING,
    retry: { retries, initialRetryTime: 200 },
  }).admin();
  try {
    await admin.connect();
  } catch (err) {
    throw kafkaUnreachable(config.brokers, err);
  }
  try {
    return await work(admin);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/**
 * Asks the cluster for its metadata; throws ServiceUnreachableError when nobody answers. `retries`: 0 for
 * a caller that polls anyway (the stack's health check), which then hears of a new broker sooner.
 */
export function describeCluster(config: LabConfig['kafka'] = loadConfig().kafka, retries?: number) {
  return withAdmin(config, (admin) => admin.describeCluster(), retries);
}
