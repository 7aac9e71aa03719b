// src/fetch/challenge.ts
var CHALLENGE = /__jsl_clearance|acw_sc__v2|Please enable JavaScript and cookies|请开启JavaScript并刷新该页/i;
function isChallenge(body) {
  return body.length < 3e4 && CHALLENGE.test(body.toString("latin1")) && !/<p[\s>][^<]{200,}/i.test(body.toString("utf8"));
}
export {
  isChallenge
};
//# sourceMappingURL=challenge.js.map
