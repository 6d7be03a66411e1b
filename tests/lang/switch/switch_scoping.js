// Block-scoped declarations inside case blocks, and a state machine loop.
function tokenize(src) {
  const tokens = [];
  let state = "start";
  let current = "";
  for (const ch of src + " ") {
    switch (state) {
      case "start": {
        if (ch >= "0" && ch <= "9") {
          state = "num";
          current = ch;
        } else if (ch !== " ") {
          tokens.push(`op(${ch})`);
        }
        break;
      }
      case "num": {
        const isDigit = ch >= "0" && ch <= "9";
        if (isDigit) {
          current += ch;
        } else {
          tokens.push(`num(${current})`);
          state = "start";
          if (ch !== " ") tokens.push(`op(${ch})`);
        }
        break;
      }
    }
  }
  return tokens;
}
console.log(tokenize("12+3 * 45").join(" ")); // expect: num(12) op(+) num(3) op(*) num(45)
console.log(tokenize("").length); // expect: 0
