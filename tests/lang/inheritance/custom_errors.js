// Error subclasses with extra fields.
class AppError extends Error {
  constructor(message, code) {
    super(message);
    this.name = "AppError";
    this.code = code;
  }
}
class NotFoundError extends AppError {
  constructor(what) {
    super(`${what} not found`, 404);
    this.name = "NotFoundError";
    this.what = what;
  }
}

function find(key) {
  if (key === "missing") throw new NotFoundError(key);
  if (key === "") throw new AppError("empty key", 400);
  return key.toUpperCase();
}

for (const k of ["ok", "missing", ""]) {
  try {
    console.log("found", find(k));
  } catch (e) {
    console.log(e.name, e.code, e.message, e instanceof AppError, e instanceof NotFoundError, e instanceof Error);
  }
}
// expect: found OK
// expect: NotFoundError 404 missing not found true true true
// expect: AppError 400 empty key true false true
const e = new NotFoundError("user");
console.log(e.what, e.constructor.name); // expect: user NotFoundError
console.log(`${e.name}: ${e.message}`); // expect: NotFoundError: user not found
