// String.prototype.normalize with the four forms (ICU).
const composed = "caf\u00e9", decomposed = "cafe\u0301";
console.log(composed === decomposed, composed.normalize() === decomposed.normalize()); // expect: false true
console.log(decomposed.normalize("NFC").length, composed.normalize("NFD").length); // expect: 4 5
console.log("\ufb01".normalize("NFKC"), "\ufb01".normalize("NFC") === "\ufb01", "\u2460".normalize("NFKD")); // expect: fi true 1
console.log("plain ascii".normalize("NFD"), "Å".normalize("NFD").length, "한".normalize("NFD").length); // expect: plain ascii 2 3
console.log([..."e\u0301".normalize()].length, "x".normalize(undefined)); // expect: 1 x
try { // expect: RangeError: The normalization form should be one of NFC, NFD, NFKC, NFKD.
  "x".normalize("NFX");
} catch (e) {
  console.log(e.name + ": " + e.message);
}
