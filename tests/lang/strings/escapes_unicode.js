// Escape sequences and non-ASCII text.
console.log("tab:\t|", "quote:\"", 'single:\'', "backslash:\\"); // expect: tab:	| quote:" single:' backslash:\
console.log("line1\nline2");
// expect: line1
// expect: line2
console.log("\u0041\u00e9\x41", "\u{1F600}".length, [..."\u{1F600}"].length); // expect: AéA 2 1
console.log("naïve café".toUpperCase(), "日本語".length, "日本語"[1]); // expect: NAÏVE CAFÉ 3 本
console.log("😀".codePointAt(0), "😀".charCodeAt(0)); // expect: 128512 55357
console.log(JSON.stringify("a\nb\t\"c\""), JSON.stringify("é")); // expect: "a\nb\t\"c\"" "é"
console.log(["multi\nline"]); // expect: [ 'multi\nline' ]
