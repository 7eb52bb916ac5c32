// Runs the GraphQL-over-HTTP specification's reference server audits (graphql-http's
// serverAudits) against one endpoint and prints one JSON line per audit:
//   {"id":"4655","name":"MUST accept …","level":"MUST","status":"ok|notice|warn|error","reason":…}
// A failing audit also carries the last request it sent and the answer it got
// (status, content-type, body), so a report says exactly what went wrong.
// The first line is {"audits":N}, the number of audits that follow.
//
// Usage: node audit.mjs http://localhost:8080/graphql
// Exit status: 0 when every audit ran (whatever their results: the caller judges them),
// 2 on a usage error, 1 when an audit could not run at all.
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url || !/^https?:\/\//.test(url)) {
  console.error('usage: node audit.mjs <endpoint URL, e.g. http://localhost:8080/graphql>');
  process.exit(2);
}

const REQUEST_TIMEOUT_MS = Number(process.env.AUDIT_REQUEST_TIMEOUT_MS || 20000);
const BODY_LIMIT = 2000;

// The requests of the audit now running, each with a copy of its answer.
let exchanges = [];

async function recordingFetch(input, init = {}) {
  const request = {
    method: init.method || 'GET',
    url: String(input),
    headers: init.headers || {},
    body: init.body === undefined ? null : String(init.body),
  };
  const exchange = { request, response: null };
  exchanges.push(exchange);
  const response = await fetch(input, {
    ...init,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  let body;
  try {
    body = await response.clone().text();
  } catch (e) {
    body = `<unreadable body: ${e}>`;
  }
  exchange.response = {
    status: response.status,
    contentType: response.headers.get('content-type'),
    body: body.length > BODY_LIMIT ? body.slice(0, BODY_LIMIT) + '…' : body,
  };
  return response;
}

function print(line) {
  process.stdout.write(JSON.stringify(line) + '\n');
}

const audits = serverAudits({ url, fetchFn: recordingFetch });
print({ audits: audits.length });
let fatal = false;
for (const audit of audits) {
  exchanges = [];
  const level = audit.name.split(' ')[0];
  let result;
  try {
    result = await audit.fn();
  } catch (e) {
    // Not an audit failure but an audit that could not run (connection refused, timeout, …).
    fatal = true;
    result = { id: audit.id, name: audit.name, status: 'error', reason: `could not run: ${e}` };
  }
  const line = {
    id: result.id,
    name: result.name,
    level,
    status: result.status,
    reason: result.reason ?? null,
  };
  if (result.status !== 'ok') {
    const last = exchanges[exchanges.length - 1];
    if (last) {
      line.request = last.request;
      line.response = last.response;
    }
  }
  print(line);
}
process.exit(fatal ? 1 : 0);
