// localeCompare with locales and options (ICU collation), and Intl.Collator.
console.log("a".localeCompare("B"), "B".localeCompare("a"), "a".localeCompare("a"), "a".localeCompare("A")); // expect: -1 1 0 -1
console.log("résumé".localeCompare("resume"), "résumé".localeCompare("resume", "en", { sensitivity: "base" })); // expect: 1 0
console.log("a".localeCompare("A", "en", { sensitivity: "base" }), "a".localeCompare("A", "en", { sensitivity: "case" })); // expect: 0 -1
console.log("a".localeCompare("á", "en", { sensitivity: "accent" }), "a".localeCompare("á", "en", { sensitivity: "case" })); // expect: -1 0
console.log("item10".localeCompare("item9"), "item10".localeCompare("item9", undefined, { numeric: true })); // expect: -1 1
const files = ["file10.txt", "File2.txt", "file1.txt", "file20.txt", "éclair", "eclair", "Zebra", "apple"];
console.log([...files].sort((a, b) => a.localeCompare(b)));
// expect: [
// expect:   'apple',
// expect:   'eclair',
// expect:   'éclair',
// expect:   'file1.txt',
// expect:   'file10.txt',
// expect:   'File2.txt',
// expect:   'file20.txt',
// expect:   'Zebra'
// expect: ]
console.log([...files].sort((a, b) => a.localeCompare(b, "en", { numeric: true, sensitivity: "base" })));
// expect: [
// expect:   'apple',
// expect:   'éclair',
// expect:   'eclair',
// expect:   'file1.txt',
// expect:   'File2.txt',
// expect:   'file10.txt',
// expect:   'file20.txt',
// expect:   'Zebra'
// expect: ]
const coll = new Intl.Collator("en", { numeric: true });
console.log(["10", "9", "1", "100"].sort((a, b) => coll.compare(a, b)), coll.compare("a", "b")); // expect: [ '1', '9', '10', '100' ] -1
console.log("ä".localeCompare("z", "de"), "ä".localeCompare("z", "sv")); // expect: -1 1
console.log("a-b".localeCompare("ab", "en", { ignorePunctuation: true }), "".localeCompare("a")); // expect: 0 -1
