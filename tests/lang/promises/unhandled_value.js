// A rejection reason that is not an Error is reported as node's UnhandledPromiseRejection.
Promise.reject(1);
// expect runtime error: UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "1".
