// The benchmark's Logto column (README, Performance): Logto's published OAuth connector, created and called the
// way Logto's core does, doing the engine scenario's exchange against the same nginx provider.
//   node driver.mjs --provider URL [--concurrency 8] [--warm-up 1] [--seconds 5]
// Prints one JSON object (the fields of Connector.Bench's Measurement, plus the versions that ran) on stdout.
// Loopback only; bounded in time and in count, like Connector.Bench's LoadRunner.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import createConnector from '@logto/connector-oauth';

const MaxOperations = 5_000_000;
const RedirectUri = 'https://id.example.com/callback/bench';

const { values } = parseArgs({
  options: {
    provider: { type: 'string' },
    concurrency: { type: 'string', default: '8' },
    'warm-up': { type: 'string', default: '1' },
    seconds: { type: 'string', default: '5' },
  },
});
if (!values.provider) {
  console.error('--provider URL is required');
  process.exit(2);
}
const concurrency = Number(values.concurrency);

// Logto's field names. The endpoints, client and profile map are the engine scenario's (EngineScenario.cs), and
// client_secret_post is both sides' default. The connector has no PKCE, so its token request lacks the engine's
// code_verifier; everything else on the wire is the same two requests.
const config = {
  authorizationEndpoint: `${values.provider}/authorize`,
  tokenEndpoint: `${values.provider}/engine/token`,
  userInfoEndpoint: `${values.provider}/engine/userinfo`,
  clientId: 'bench-client',
  clientSecret: 'bench-secret',
  tokenEndpointResponseType: 'json',
  profileMap: { id: 'sub', name: 'name', email: 'email' },
};

// Logto's core creates a connector from the package's default export with a getConfig that reads the stored
// config; the connector then validates and parses that config on every call, which is part of what we measure.
const connector = await createConnector({ getConfig: async () => config });

// One exchange = what Logto does on a social callback: getUserInfo(callback data, getSession). 1.7.8 takes the
// session as a getter and reads only redirectUri from it (it does not compare state; Logto's core keeps the
// session per interaction), so each iteration gets its own session object, as each sign-in would.
async function exchangeOnce(iteration) {
  const state = `bench-state-${iteration}`;
  const session = { state, redirectUri: RedirectUri };
  const profile = await connector.getUserInfo({ code: 'bench-code', state }, async () => session);
  return profile.id === '4242';
}

let started = 0;
let firstError;
async function phase(seconds, record) {
  const stopAt = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
  const latencies = [];
  let errors = 0;
  const begin = process.hrtime.bigint();
  // Concurrent callbacks inside one node process: how one Logto instance serves simultaneous sign-ins.
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (process.hrtime.bigint() < stopAt && ++started <= MaxOperations) {
      const t0 = process.hrtime.bigint();
      let ok = false;
      try {
        ok = await exchangeOnce(started);
      } catch (error) {
        firstError ??= error;
      }
      if (record) latencies.push(Number(process.hrtime.bigint() - t0));
      if (!ok) errors++;
    }
  }));
  return { latencies, errors, elapsedNs: Number(process.hrtime.bigint() - begin) };
}

await phase(Number(values['warm-up']), false);
const { latencies, errors, elapsedNs } = await phase(Number(values.seconds), true);
// Errors count like Connector.Bench's; the first one goes to stderr so a broken setup does not pass as slow.
if (firstError) console.error('first error:', firstError);

// Same percentile as Measurement.cs: the ceil(q·n)-th smallest latency, in milliseconds to 3 decimals.
latencies.sort((a, b) => a - b);
const percentile = (q) => latencies.length === 0 ? 0
  : Math.round(latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)] / 1e3) / 1e3;
const version = (name) => JSON.parse(readFileSync(new URL(`./node_modules/${name}/package.json`, import.meta.url))).version;

console.log(JSON.stringify({
  scenario: 'Logto connector',
  concurrency,
  operations: latencies.length,
  errors,
  perSecond: Math.round(latencies.length / (elapsedNs / 1e9) * 10) / 10,
  p50Ms: percentile(0.5),
  p99Ms: percentile(0.99),
  node: process.versions.node,
  connectorOauth: version('@logto/connector-oauth'),
  connectorKit: version('@logto/connector-kit'),
}));
