// What the node test suites (tests/oidc-clients, tests/nextjs-apps) sign in against: a throwaway database on
// the PostgreSQL of scripts/test.sh, the repo's demo OAuth2 provider (any name signs in) and the Connectors
// host, each as a real process on a free loopback port, with the demo connector registered over the admin
// API. Node built-ins only, so any suite can import it without installing anything.
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');
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

/** A child process whose output is kept (the last 4000 characters go into failure messages). */
export function startProcess(name, command, args, { env = {}, cwd } = {}) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = [];
  child.stdout.on('data', (chunk) => output.push(chunk));
  child.stderr.on('data', (chunk) => output.push(chunk));
  child.log = () => `--- ${name} output ---\n${Buffer.concat(output).toString().slice(-4000)}`;
  child.exited = new Promise((done) => {
    child.once('exit', done);
    child.once('error', (error) => { output.push(Buffer.from(`${error}\n`)); child.failed = error; done(); });
  });
  return child;
}

/** Polls until `url` answers 2xx (a process's readiness has no event to wait on), failing fast if it exits. */
export async function waitFor(url, child, seconds = 60) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.failed) throw new Error(`process exited (${child.exitCode ?? child.failed})\n${child.log()}`);
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
  const children = [];

  const demo = startProcess('demo provider', 'dotnet', [demoDll], {
    env: {
      ASPNETCORE_URLS: demoOrigin, ASPNETCORE_ENVIRONMENT: 'Production',
      Demo__ClientId: demoClient.id, Demo__ClientSecret: demoClient.secret,
    },
  });
  const host = startProcess('host', 'dotnet', [hostDll], {
    env: {
      ASPNETCORE_URLS: origin, ASPNETCORE_ENVIRONMENT: 'Production',
      ConnectionStrings__Connectors: `${pg.raw.replace(/Database=[^;]*/i, '')};Database=${database}`,
      Connectors__PublicOrigin: origin,
      Connectors__AdminApiKeys__0: adminKey,
      Connectors__AllowInsecureEndpoints: 'true',
      Connectors__DataProtection__AllowUnencryptedKeys: 'true',
      // A build (not a publish) has no wwwroot beside the dll, and Production reads no static-web-assets manifest:
      // the pages' files come from the source tree with the presets' logos where a publish puts them.
      ASPNETCORE_WEBROOT: process.env.ASPNETCORE_WEBROOT ?? webroot(),
    },
  });
  children.push(host, demo);
  const world = {
    origin, demoOrigin, issuer: `${origin}/oidc`, adminKey,
    /** Starts another process (an app under test) that stop() ends with the rest. */
    start(name, command, args, options) {
      const child = startProcess(name, command, args, options);
      children.unshift(child);
      return child;
    },
    async stop() {
      for (const child of children) if (child.exitCode === null && !child.failed) child.kill('SIGTERM');
      await Promise.all(children.map((child) => child.exited));
      psql(pg, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    },
    logs: () => children.map((child) => child.log()).join('\n'),
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

/** The source tree's wwwroot plus presets/logos at assets/logos, as `dotnet publish` lays them out. */
function webroot() {
  const folder = mkdtempSync(`${tmpdir()}/connectors-wwwroot-`);
  cpSync(`${root}/src/Connector.Host/wwwroot`, folder, { recursive: true });
  cpSync(`${root}/presets/logos`, `${folder}/assets/logos`, { recursive: true });
  return folder;
}

export async function admin(world, method, path, body) {
  const response = await fetch(world.origin + path, {
    method, headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' }, body: body && JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}
