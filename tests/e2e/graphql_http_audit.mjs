// graphql-http's server audit against a running gateway: prints one JSON line per audit.
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
for (const audit of serverAudits({ url, fetchFn: fetch })) {
  const result = await audit.fn();
  console.log(JSON.stringify({ id: result.id, name: result.name, status: result.status, reason: result.reason }));
}
