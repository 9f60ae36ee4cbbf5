// Runs the graphql-http server audits (GraphQL over HTTP spec conformance) against a URL and
// prints one JSON array: [{id, name, status: "ok"|"notice"|"warn"|"error", reason?, body?}].
// Usage: node tests/http_audit.mjs http://127.0.0.1:8000/graphql
// Node resolves 'graphql-http' from the repository's node_modules (installed by `make`).
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node tests/http_audit.mjs <graphql endpoint url>');
  process.exit(2);
}

const results = [];
for (const audit of serverAudits({ url })) {
  let result;
  try {
    result = await audit.fn();
  } catch (error) {
    // Audits throw only when they cannot run at all (e.g. the server is unreachable).
    results.push({ id: audit.id, name: audit.name, status: 'fatal', reason: String(error?.cause ?? error) });
    continue;
  }
  const entry = { id: result.id, name: result.name, status: result.status };
  if (result.status !== 'ok') {
    entry.reason = result.reason;
    // The response body helps explain a failure; it may already have been read by the audit.
    try {
      entry.httpStatus = result.response.status;
      entry.body = await result.response.text();
    } catch {
      entry.body = null;
    }
  }
  results.push(entry);
}
process.stdout.write(JSON.stringify(results, null, 2) + '\n');
