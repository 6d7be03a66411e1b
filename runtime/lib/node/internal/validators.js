// internal/validators — node's argument checks and the errors they throw, shared by the
// hosted core modules. The error classes are named TypeError/Error (class expressions
// bound to other names) so that they print as node's do, with the code in the header.
const { inspect } = require("internal/util");

const TypeErrorBase = TypeError;

const InvalidArgTypeError = class TypeError extends TypeErrorBase {
  constructor(name, expected, actual) {
    super(`The "${name}" argument must be ${expected}. Received ${received(actual)}`);
    this.code = "ERR_INVALID_ARG_TYPE";
    this.stack = this.stack.replace("TypeError:", "TypeError [ERR_INVALID_ARG_TYPE]:");
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }
};

// How node's ERR_INVALID_ARG_TYPE names the value it got.
function received(value) {
  if (value === undefined || value === null) return String(value);
  if (typeof value === "function") return `function ${value.name}`;
  if (typeof value === "object") {
    const ctor = value.constructor;
    return ctor && ctor.name ? `an instance of ${ctor.name}` : inspect(value);
  }
  let shown = inspect(value);
  if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
  return `type ${typeof value} (${shown})`;
}

function validateString(value, name) {
  if (typeof value !== "string") throw new InvalidArgTypeError(name, "of type string", value);
}

function validateFunction(value, name) {
  if (typeof value !== "function") throw new InvalidArgTypeError(name, "of type function", value);
}

module.exports = { InvalidArgTypeError, received, validateString, validateFunction };
