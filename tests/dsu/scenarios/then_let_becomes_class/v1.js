// A `let` binding becomes a class of the same name.
let Unit = "cm";
const lengths = [3, 4];
console.log(lengths.map((n) => n + Unit).join(" "));
