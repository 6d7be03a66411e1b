// Version 2: Label is a function.
function Label(text) {
  return `<${text}>`;
}
console.log(Label("v2"));
