// Immediately invoked functions, block scope and shadowing.
const mod = (function () {
  let secret = 42;
  function reveal() {
    return secret;
  }
  return { reveal, bump: () => ++secret };
})();
mod.bump();
console.log(mod.reveal(), mod.secret); // expect: 43 undefined

let x = "outer";
{
  let x = "block";
  console.log(x); // expect: block
  {
    const x = "inner";
    console.log(x); // expect: inner
  }
}
console.log(x); // expect: outer

const result = ((a, b) => a * b)(6, 7);
console.log(result); // expect: 42

function shadow(x) {
  if (true) {
    let x = "shadowed";
    return x;
  }
}
console.log(shadow("param")); // expect: shadowed
