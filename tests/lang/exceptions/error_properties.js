// Error objects: message, name, stack exists; subclasses keep their class name.
class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
  get isClientError() {
    return this.status >= 400 && this.status < 500;
  }
}

const e = new HttpError(404, "missing page");
console.log(e.message, e.status, e.isClientError); // expect: missing page 404 true
console.log(e.name, e.constructor.name); // expect: Error HttpError
console.log(typeof e.stack, e instanceof HttpError); // expect: string true
console.log(new HttpError(500, "x").isClientError); // expect: false
class Named extends Error {
  constructor(message) {
    super(message);
    this.name = "CustomName";
  }
}
console.log(String(new Named("boom")), new Named("x").name); // expect: CustomName: boom CustomName
console.log(String(new TypeError("t")), new RangeError("r").name); // expect: TypeError: t RangeError
