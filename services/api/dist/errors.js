// src/errors.ts
var ApiError = class extends Error {
  constructor(statusCode, code, message) {
    super(message);
    this.statusCode = statusCode;
    this.code = code;
  }
  statusCode;
  code;
};
var notFound = (what) => new ApiError(404, "not_found", what);
var errorBody = (code, message) => ({ error: { code, message } });
var errorSchema = {
  type: "object",
  properties: {
    error: { type: "object", properties: { code: { type: "string" }, message: { type: "string" } }, required: ["code", "message"] }
  },
  required: ["error"]
};
var known = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, "body_too_large", "request body is larger than 1 MB"],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, "unsupported_media_type", "send no body, or a JSON body (Content-Type: application/json)"],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, "bad_request", "Content-Type is application/json but the body is empty"],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, "bad_request", "the body is not valid JSON"]
};
function installErrorHandlers(app) {
  app.setErrorHandler((err, req, reply) => {
    if (err instanceof ApiError) return reply.code(err.statusCode).send(errorBody(err.code, err.message));
    if (err.validation) {
      const v = err.validation[0];
      const where = err.validationContext ?? "request";
      const field = v ? `${v.instancePath.replace(/^\//, "").replace(/\//g, ".")}` || String(v.params.missingProperty ?? v.params.additionalProperty ?? "") : "";
      const what = v?.keyword === "additionalProperties" ? "is not a parameter of this route" : v?.message ?? "is not valid";
      return reply.code(400).send(errorBody("bad_request", `${where}${field ? `.${field}` : ""}: ${what}`));
    }
    const mapped = err.code ? known[err.code] : void 0;
    if (mapped) return reply.code(mapped[0]).send(errorBody(mapped[1], mapped[2]));
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(err.statusCode).send(errorBody("bad_request", "the request could not be read"));
    }
    req.log.error({ err, url: req.url }, "request failed");
    return reply.code(500).send(errorBody("internal", "internal error; the server log has the details"));
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send(errorBody("not_found", `no route ${req.method} ${req.url.split("?")[0]}`)));
}
export {
  ApiError,
  errorBody,
  errorSchema,
  installErrorHandlers,
  notFound
};
//# sourceMappingURL=errors.js.map
