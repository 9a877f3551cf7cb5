/** One route handler under every method name a route file exports (for receivers of any request). */
export function anyMethod<H>(handler: H) {
  return {
    DELETE: handler,
    GET: handler,
    HEAD: handler,
    OPTIONS: handler,
    PATCH: handler,
    POST: handler,
    PUT: handler,
  };
}
