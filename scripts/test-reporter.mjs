// A reporter for Node's test runner (`--test-reporter=./scripts/test-reporter.mjs`; plain JavaScript, as
// Node loads reporters before tsx): one JSON line per test or suite that ended, for run-tests.mjs's closing
// lines (scripts/test-results.ts reads them).
export default async function* reporter(source) {
  for await (const { type, data } of source) {
    if (type !== 'test:pass' && type !== 'test:fail') continue;
    const error = data.details.error;
    const cause = error?.cause instanceof Error ? error.cause.message : error?.message;
    const line = {
      passed: type === 'test:pass',
      suite: data.details.type === 'suite',
      name: data.name,
      file: data.file,
      skip: data.skip,
      todo: data.todo,
      failureType: error?.failureType,
      message: cause === undefined ? undefined : String(cause).split('\n')[0],
    };
    yield `${JSON.stringify(line)}\n`;
  }
}
