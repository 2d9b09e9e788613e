// Starts what the clients talk to: a throwaway database on the PostgreSQL of scripts/test.sh, the repo's
// demo OAuth2 provider (any name signs in) and the Connectors host, each as a real process on a free
// loopback port; registers the demo connector and an app over the admin API; and plays the browser.
import { spawn, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');
const configuration = process.env.CONNECTORS_BUILD_CONFIGURATION ?? 'Release';
const hostDll = process.env.CONNECTORS_HOST_DLL ?? `${root}/src/Connector.Host/bin/${configuration}/net10.0/Connector.Host.dll`;
const demoDll = process.env.CONNECTORS_DEMO_DLL ?? `${root}/samples/DemoProvider/bin/${configuration}/net10.0/DemoProvider.dll`;
const adminKey = `node-admin-key-${randomUUID()}`;
const demoClient = { id: 'connectors-demo', secret: `demo-secret-${randomUUID()}` };

export async function freePort() {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    }).on('error', fail);
  });
}

/** CONNECTORS_TEST_POSTGRES is an Npgsql connection string: Host=…;Port=…;Username=…;Database=… */
function postgres() {
  const raw = process.env.CONNECTORS_TEST_POSTGRES;
  if (!raw) throw new Error('CONNECTORS_TEST_POSTGRES is not set: run through scripts/test.sh, which starts PostgreSQL.');
  const parts = Object.fromEntries(raw.split(';').filter(Boolean).map((kv) => {
    const [k, ...v] = kv.split('=');
    return [k.trim().toLowerCase(), v.join('=').trim()];
  }));
  return { host: parts.host ?? '127.0.0.1', port: parts.port ?? '5432', user: parts.username ?? parts['user id'] ?? 'postgres', raw };
}

function psql(pg, sql) {
  execFileSync('psql', ['-h', pg.host, '-p', pg.port, '-U', pg.user, '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qc', sql], { stdio: 'pipe' });
}

function start(name, dll, env) {
  const child = spawn('dotnet', [dll], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = [];
  child.stdout.on('data', (chunk) => output.push(chunk));
  child.stderr.on('data', (chunk) => output.push(chunk));
  child.log = () => `--- ${name} output ---\n${Buffer.concat(output).toString().slice(-4000)}`;
  return child;
}

async function waitFor(url, child, seconds = 60) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process exited (${child.exitCode})\n${child.log()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${seconds} s\n${child.log()}`);
}

export async function startWorld() {
  const pg = postgres();
  const database = `connectors_node_${randomUUID().replaceAll('-', '')}`;
  psql(pg, `CREATE DATABASE "${database}"`);
  const [hostPort, demoPort] = [await freePort(), await freePort()];
  const origin = `http://127.0.0.1:${hostPort}`;
  const demoOrigin = `http://127.0.0.1:${demoPort}`;

  const demo = start('demo provider', demoDll, {
    ASPNETCORE_URLS: demoOrigin, ASPNETCORE_ENVIRONMENT: 'Production',
    Demo__ClientId: demoClient.id, Demo__ClientSecret: demoClient.secret,
  });
  const host = start('host', hostDll, {
    ASPNETCORE_URLS: origin, ASPNETCORE_ENVIRONMENT: 'Production',
    ConnectionStrings__Connectors: `${pg.raw.replace(/Database=[^;]*/i, '')};Database=${database}`,
    Connectors__PublicOrigin: origin,
    Connectors__AdminApiKeys__0: adminKey,
    Connectors__AllowInsecureEndpoints: 'true',
  });
  const world = {
    origin, demoOrigin, issuer: `${origin}/oidc`,
    async stop() {
      for (const child of [host, demo]) child.kill('SIGTERM');
      await Promise.all([host, demo].map((child) => child.exitCode !== null ? null : new Promise((r) => child.once('exit', r))));
      psql(pg, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    },
    logs: () => `${host.log()}\n${demo.log()}`,
  };
  try {
    await Promise.all([waitFor(`${origin}/readyz`, host), waitFor(demoOrigin, demo)]);
    await admin(world, 'POST', '/api/connectors', {
      id: 'demo', name: 'Demo',
      config: {
        authorizationEndpoint: `${demoOrigin}/authorize`, tokenEndpoint: `${demoOrigin}/token`, userInfoEndpoint: `${demoOrigin}/userinfo`,
        clientId: demoClient.id, clientSecret: demoClient.secret, tokenEndpointAuthMethod: 'client_secret_basic',
        profileMap: { id: 'sub', name: 'name', avatar: 'picture', email: 'email' },
      },
    });
  } catch (error) {
    await world.stop();
    throw error;
  }
  return world;
}

export async function admin(world, method, path, body) {
  const response = await fetch(world.origin + path, {
    method, headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' }, body: body && JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** A browser: cookies per host name (as browsers keep them, whatever the port), redirects followed by hand. */
export class Browser {
  cookies = new Map();

  async get(url, init = {}) {
    const target = new URL(url);
    const jar = this.cookies.get(target.hostname) ?? new Map();
    const headers = new Headers(init.headers);
    if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(target, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair.split('=');
      jar.set(name.trim(), value.join('='));
    }
    this.cookies.set(target.hostname, jar);
    return response;
  }
}

/**
 * From an app's authorization URL to the app's redirect URI with a code: our /oidc/auth sends the browser
 * to /sign-in, the user picks "Continue with Demo", types a name at the demo provider, the connector
 * callback signs them in and returns to /oidc/auth, which redirects to the app.
 */
export async function signInAtConnectors(world, browser, authorizationUrl, person) {
  let response = await browser.get(authorizationUrl);
  expectRedirect(response, `${world.origin}/sign-in?returnTo=`, world);
  const signInPage = await browser.get(new URL(response.headers.get('location'), world.origin));
  const html = await signInPage.text();
  const href = /href="(\/sign-in\/demo\?returnTo=[^"]+)"/.exec(html)?.[1];
  if (!href) throw new Error(`no "Continue with Demo" link on the sign-in page:\n${html}`);
  response = await browser.get(new URL(href.replaceAll('&amp;', '&'), world.origin));
  expectRedirect(response, `${world.demoOrigin}/authorize?`, world);
  const authorize = new URL(response.headers.get('location'));
  const form = new URLSearchParams({ name: person.name, email: person.email });
  for (const field of ['client_id', 'redirect_uri', 'state', 'code_challenge', 'code_challenge_method']) {
    form.set(field, authorize.searchParams.get(field) ?? '');
  }
  response = await browser.get(`${world.demoOrigin}/authorize`, { method: 'POST', body: form });
  expectRedirect(response, `${world.origin}/callback/demo?`, world);
  response = await browser.get(response.headers.get('location'));
  expectRedirect(response, '/oidc/auth?', world);
  response = await browser.get(new URL(response.headers.get('location'), world.origin));
  if (response.status !== 302) throw new Error(`/oidc/auth answered ${response.status}: ${await response.text()}`);
  return response.headers.get('location');
}

function expectRedirect(response, prefix, world) {
  const location = response.headers.get('location') ?? '';
  const absolute = location.startsWith('/') && !prefix.startsWith('/') ? world.origin + location : location;
  if (response.status !== 302 || !absolute.startsWith(prefix)) {
    throw new Error(`expected a 302 to ${prefix}…, got ${response.status} to '${location}'\n${world.logs()}`);
  }
}
