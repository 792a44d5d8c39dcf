// A real OpenID Connect provider for Care Review's tests: oidc-provider (a certified implementation), with
// synthetic users, groups and clients read as JSON from standard input. Started and stopped by
// tests/Shared/OidcProvider.cs, which writes that JSON; it prints "listening on <issuer>" once it is ready.
//
// Like a council's Entra ID it puts the person's groups in the ID token, signs in with a login page of its
// own (a real form the browser tests fill in), and issues JWT access tokens for Care Review's API (the
// resource indicator "api.resource", audience "api.audience") to signed-in users and to integrations
// (client credentials).
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const config = JSON.parse(await readStandardInput());
const issuer = `http://${config.host}:${config.port}`;
const users = config.users ?? [];
const api = config.api;

const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

const provider = new Provider(issuer, {
  clients: config.clients,
  jwks: { keys: [{ ...signingKey, kid: randomUUID(), use: 'sig', alg: 'RS256' }] },
  cookies: { keys: [randomUUID()] },
  findAccount: (_ctx, sub) => {
    const user = users.find((u) => u.sub === sub);
    return user && {
      accountId: user.sub,
      claims: () => ({ sub: user.sub, email: user.email, email_verified: true, name: user.name, groups: user.groups ?? [] }),
    };
  },
  // The groups go with the profile, and every claim into the ID token, as Entra ID does once the app's
  // "groups claim" is set: Care Review reads the ID token and never calls the userinfo endpoint.
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
  conformIdTokenClaims: false,
  // Refuse any sign-in without PKCE, so a test proves Care Review sends it.
  pkce: { required: () => true },
  ttl: { AccessToken: 3600, AuthorizationCode: 60, ClientCredentials: 3600, IdToken: 3600, Grant: 86400, Interaction: 3600, Session: 86400 },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      // Every access token is for Care Review's API unless a client names the resource itself.
      defaultResource: (_ctx, _client, oneOf) => oneOf ?? api.resource,
      useGrantedResource: () => true,
      // Another of the council's APIs too, whose tokens Care Review must refuse: a client names it with "resource".
      getResourceServerInfo: (_ctx, resource) => {
        const server = [api, ...(api.others ?? [])].find((s) => s.resource === resource);
        if (!server) {
          throw new Provider.errors.InvalidTarget();
        }
        return { scope: api.scopes.join(' '), audience: server.audience, accessTokenFormat: 'jwt', accessTokenTTL: 3600 };
      },
    },
    rpInitiatedLogout: {
      enabled: true,
      logoutSource: (ctx, form) => {
        ctx.body = page('Sign out', `<h1>Do you want to sign out of the test council?</h1>${form}
          <button type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
          <button type="submit" form="op.logoutForm">No, stay signed in</button>`);
      },
      postLogoutSuccessSource: (ctx) => {
        ctx.body = page('Signed out', '<h1>You have signed out of the test council</h1>');
      },
    },
  },
  renderError: (ctx, out) => {
    ctx.type = 'html';
    ctx.body = page('Error', `<h1>Something went wrong</h1><pre>${escape(JSON.stringify(out))}</pre>`);
  },
});

const handleProvider = provider.callback();
const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url, issuer);
    const interaction = url.pathname.match(/^\/interaction\/([^/]+)(\/login|\/cancel)?$/);
    if (!interaction) {
      handleProvider(req, res);
      return;
    }

    const details = await provider.interactionDetails(req, res);
    if (req.method === 'POST' && interaction[2] === '/cancel') {
      await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The person cancelled signing in' });
      return;
    }

    if (req.method === 'POST' && interaction[2] === '/login') {
      const form = new URLSearchParams(await readBody(req));
      const email = (form.get('email') ?? '').trim().toLowerCase();
      const user = users.find((u) => u.email.toLowerCase() === email && u.password === form.get('password'));
      if (!user) {
        send(res, 200, loginPage(details.uid, 'The email address or password is not right'));
        return;
      }
      await provider.interactionFinished(req, res, { login: { accountId: user.sub } }, { mergeWithLastSubmission: false });
      return;
    }

    if (details.prompt.name === 'login') {
      send(res, 200, loginPage(details.uid));
      return;
    }

    // Consent: the council's own app, so everything it asks for is granted without asking the person.
    const { prompt: { details: missing }, params, session } = details;
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
      grant.addResourceScope(resource, scopes.join(' '));
    }
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  } catch (error) {
    send(res, 400, page('Error', `<h1>Something went wrong</h1><pre>${escape(String(error))}</pre>`));
  }
});

server.listen(config.port, config.host, () => console.log(`listening on ${issuer}`));
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}

function loginPage(uid, error) {
  return page('Sign in', `<h1>Sign in to the test council</h1>
    ${error ? `<p role="alert">${escape(error)}</p>` : ''}
    <form method="post" action="/interaction/${uid}/login">
      <p><label for="email">Email address</label><br><input id="email" name="email" type="email" autocomplete="username"></p>
      <p><label for="password">Password</label><br><input id="password" name="password" type="password" autocomplete="current-password"></p>
      <button type="submit">Sign in</button>
    </form>
    <form method="post" action="/interaction/${uid}/cancel"><button type="submit">Cancel</button></form>`);
}

function page(title, body) {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title} – test council</title></head><body><main>${body}</main></body></html>`;
}

function send(res, status, html) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

function escape(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function readBody(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function readStandardInput() {
  return readBody(process.stdin);
}
