// Every error leaves the API as {error: {code, message}} in words of our own: never a stack trace,
// a SQL message or a source path (issue 15: /runs?limit=abc answered with Prisma's message).
import type { FastifyError, FastifyInstance } from 'fastify';

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', what);

export type ErrorBody = { error: { code: string; message: string } };
export const errorBody = (code: string, message: string): ErrorBody => ({ error: { code, message } });

/** The schema fragment every route's error answers share (OpenAPI). */
export const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' } },
      required: ['code', 'message'],
    },
  },
  required: ['error'],
} as const;

/** Fastify's own errors, by code, as status and our words. */
const known: Record<string, [number, string, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'body_too_large', 'request body is larger than 1 MB'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [
    415,
    'unsupported_media_type',
    'send no body, or a JSON body (Content-Type: application/json)',
  ],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'bad_request', 'Content-Type is application/json but the body is empty'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'bad_request', 'the body is not valid JSON'],
};

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof ApiError) return reply.code(err.statusCode).send(errorBody(err.code, err.message));
    if (err.validation) {
      const v = err.validation[0];
      const where = err.validationContext ?? 'request';
      const field = v
        ? `${v.instancePath.replace(/^\//, '').replace(/\//g, '.')}` ||
          String(
            (v.params as { missingProperty?: string; additionalProperty?: string }).missingProperty ??
              (v.params as { additionalProperty?: string }).additionalProperty ??
              '',
          )
        : '';
      const what =
        v?.keyword === 'additionalProperties' ? 'is not a parameter of this route' : (v?.message ?? 'is not valid');
      return reply.code(400).send(errorBody('bad_request', `${where}${field ? `.${field}` : ''}: ${what}`));
    }
    const mapped = err.code ? known[err.code] : undefined;
    if (mapped) return reply.code(mapped[0]).send(errorBody(mapped[1], mapped[2]));
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(err.statusCode).send(errorBody('bad_request', 'the request could not be read'));
    }
    req.log.error({ err, url: req.url }, 'request failed');
    return reply.code(500).send(errorBody('internal', 'internal error; the server log has the details'));
  });
  app.setNotFoundHandler((req, reply) =>
    reply.code(404).send(errorBody('not_found', `no route ${req.method} ${req.url.split('?')[0]}`)),
  );
}
