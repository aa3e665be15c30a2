// The GraphQL-over-HTTP audit of graphql-http (the reference implementation of the spec) against
// the running API: `API_URL=http://127.0.0.1:18090 node graphql-http-audit.mjs`.
// Prints every audit that did not pass (MUST failures, SHOULD and MAY warnings) and a JSON line of
// counts; the exit code is non-zero when any MUST or SHOULD audit fails.
import { serverAudits } from 'graphql-http';

const url = `${process.env.API_URL ?? 'http://127.0.0.1:18090'}/graphql`;
const counts = { ok: 0, warn: 0, error: 0, notice: 0 };
const misses = [];
for (const audit of serverAudits({ url, fetchFn: fetch })) {
  const result = await audit.fn();
  counts[result.status] = (counts[result.status] ?? 0) + 1;
  if (result.status !== 'ok') {
    misses.push({ status: result.status, name: result.name, reason: result.reason });
  }
}
for (const m of misses) console.log(`${m.status.toUpperCase()} ${m.name}: ${m.reason}`);
console.log(JSON.stringify({ audits: Object.values(counts).reduce((a, b) => a + b, 0), ...counts }));
process.exit(counts.error > 0 || counts.warn > 0 ? 1 : 0);
