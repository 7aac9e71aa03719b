// Who may ask what. Three checks before any route runs:
// - Host: only names the API is configured to answer to (loopback names, GOVWATCH_API_HOST,
//   GOVWATCH_API_ALLOWED_HOSTS) or IP literals, so a page on evil.example whose name was re-pointed at 127.0.0.1
//   (DNS rebinding) gets 421 instead of the API.
// - Writes and everything under /admin (the queue dashboard; HTTP Basic with the token as password
//   too, so a browser can log in) need `Authorization: Bearer $GOVWATCH_API_TOKEN`; with no token
//   configured they are refused. A browser cannot attach that header to a cross-site form post, and
//   a request the browser marks `Sec-Fetch-Site: cross-site` is refused outright.
// - Reads are open unless GOVWATCH_API_READ_TOKEN is set; then either token reads.
import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { Config } from '@govwatch/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, errorBody } from './errors.ts';

export type Access = 'open' | 'read' | 'write';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Default: `read`. `open` for probes, `write` for anything that changes state or administers. */
    access?: Access;
  }
}

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]', '::1'];

export function allowedHostNames(api: Config['api']): Set<string> {
  const names = new Set([...LOOPBACK, ...api.allowedHosts]);
  if (!['0.0.0.0', '::', ''].includes(api.host)) names.add(api.host.toLowerCase());
  return names;
}

/** The host name of a Host header value, without the port; IPv6 literals keep their brackets. */
export function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  return h.split(':')[0] ?? '';
}

const sameSecret = (given: string, secret: string) => {
  if (!secret) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
};

const bearer = (req: FastifyRequest) => {
  const h = req.headers.authorization ?? '';
  return h.startsWith('Bearer ') ? h.slice(7).trim() : '';
};

/** The dashboard also takes HTTP Basic (the token as password): a browser can send that. */
const basicPassword = (req: FastifyRequest) => {
  const h = req.headers.authorization ?? '';
  if (!h.startsWith('Basic ')) return '';
  const decoded = Buffer.from(h.slice(6).trim(), 'base64').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1);
};

const ADMIN_PREFIX = '/admin';

export function installGuard(app: FastifyInstance, api: Config['api']): void {
  const hosts = allowedHostNames(api);
  // Answers here rather than throwing: plugins with error handlers of their own (bull-board) would
  // turn a thrown 401 into their own error format.
  app.addHook('onRequest', async (req, reply) => {
    try {
      check(req, reply);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      return reply.code(err.statusCode).send(errorBody(err.code, err.message));
    }
  });
  const check = (req: FastifyRequest, reply: FastifyReply) => {
    const host = req.headers.host ?? '';
    // An IP literal cannot be a rebound name (the attack needs the attacker's own domain in Host):
    // probes and scrapers that address a pod by IP are let through.
    const name = hostName(host);
    if (!isIP(name.replace(/^\[|\]$/g, '')) && !hosts.has(name) && !hosts.has(host.toLowerCase())) {
      throw new ApiError(
        421,
        'host_not_allowed',
        `this API does not answer to Host ${JSON.stringify(host)}; add it to GOVWATCH_API_ALLOWED_HOSTS`,
      );
    }
    // The queue dashboard's routes come from bull-board's plugin: they are admin, whatever they say.
    const admin = req.url.startsWith(`${ADMIN_PREFIX}/`) || req.url === ADMIN_PREFIX;
    const access: Access = admin ? 'write' : (req.routeOptions.config.access ?? 'read');
    if (access === 'open') return;
    const token = bearer(req) || (admin ? basicPassword(req) : '');
    if (access === 'write') {
      if (req.headers['sec-fetch-site'] === 'cross-site')
        throw new ApiError(403, 'cross_site', 'cross-site requests cannot change anything');
      if (!api.token)
        throw new ApiError(401, 'writes_disabled', 'writes are disabled: GOVWATCH_API_TOKEN is not set on the server');
      if (!sameSecret(token, api.token)) {
        // A browser asks for the token itself on the dashboard (any user name, the token as password).
        if (admin) reply.header('www-authenticate', 'Basic realm="govwatch queues", charset="UTF-8"');
        throw new ApiError(401, 'unauthorized', 'send Authorization: Bearer <GOVWATCH_API_TOKEN>');
      }
      return;
    }
    if (api.readToken && !sameSecret(token, api.readToken) && !sameSecret(token, api.token)) {
      throw new ApiError(401, 'unauthorized', 'send Authorization: Bearer <GOVWATCH_API_READ_TOKEN>');
    }
  };
}
