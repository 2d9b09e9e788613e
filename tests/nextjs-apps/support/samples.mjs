// The two Bookstore samples as an operator would ship them: `npm ci` from the committed lockfile, `next build`,
// then `next start` on a free loopback port with the app registered at the host over /api/apps.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { admin, freePort, root, waitFor } from '../../support/world.mjs';

const quiet = { NEXT_TELEMETRY_DISABLED: '1', npm_config_update_notifier: 'false' };

export const samples = {
  v5: {
    name: 'Bookstore (Auth.js v5)',
    dir: `${root}/samples/nextjs-bookstore`,
    env: (app, origin, issuer) => ({
      AUTH_LOGTO_ISSUER: issuer, AUTH_LOGTO_ID: app.clientId, AUTH_LOGTO_SECRET: app.clientSecret,
      AUTH_SECRET: randomBytes(32).toString('base64url'), AUTH_URL: origin,
    }),
  },
  v4: {
    name: 'Bookstore (NextAuth v4)',
    dir: `${root}/samples/nextjs-bookstore-v4`,
    env: (app, origin, issuer) => ({
      AUTH_LOGTO_ISSUER: issuer, AUTH_LOGTO_ID: app.clientId, AUTH_LOGTO_SECRET: app.clientSecret,
      NEXTAUTH_SECRET: randomBytes(32).toString('base64url'), NEXTAUTH_URL: origin,
    }),
  },
};

function run(command, args, cwd) {
  return new Promise((done, fail) => {
    execFile(command, args, { cwd, env: { ...process.env, ...quiet }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? fail(new Error(`${command} ${args.join(' ')} in ${cwd} failed (${error.code}):\n${`${stdout}\n${stderr}`.slice(-4000)}`)) : done());
  });
}

/** `npm ci` + `next build`. CONNECTORS_SAMPLES_PREBUILT=1 reuses an existing build while working on the tests. */
export async function build(sample) {
  if (process.env.CONNECTORS_SAMPLES_PREBUILT === '1' && existsSync(`${sample.dir}/.next/BUILD_ID`)) return;
  await run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], sample.dir);
  await run(process.execPath, ['node_modules/next/dist/bin/next', 'build'], sample.dir);
}

/**
 * Registers the sample as an app (redirect URI {origin}/api/auth/callback/logto, post-logout URI {origin}) and
 * runs `next start` bound to 127.0.0.1; the browser knows it as http://localhost:{port}, as in the guide.
 */
export async function start(world, sample) {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const app = await admin(world, 'POST', '/api/apps', {
    name: sample.name, redirectUris: [`${origin}/api/auth/callback/logto`], postLogoutRedirectUris: [origin],
  });
  const child = world.start(sample.name, process.execPath,
    [`${sample.dir}/node_modules/next/dist/bin/next`, 'start', '--port', String(port), '--hostname', '127.0.0.1'],
    { cwd: sample.dir, env: { ...quiet, NODE_ENV: 'production', ...sample.env(app, origin, world.issuer) } });
  await waitFor(`http://127.0.0.1:${port}/`, child);
  return { ...sample, origin, clientId: app.clientId, log: () => child.log() };
}
