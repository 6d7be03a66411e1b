// Templating and text rewriting: `$<name>` and numbered replacement patterns, function
// replacers with named groups, an INI parser and a log summarizer using matchAll.
const render = (template, data) =>
  template.replace(/\{\{\s*(?<key>[\w.]+)\s*\}\}/g, (match, key, offset, whole, groups) => {
    const value = groups.key.split(".").reduce((o, k) => (o == null ? undefined : o[k]), data);
    return value === undefined ? match : String(value);
  });
const page = "Hello {{ user.name }}, you have {{count}} new {{ what }}. {{missing}}";
console.log(render(page, { user: { name: "Ada" }, count: 3, what: "messages" })); // expect: Hello Ada, you have 3 new messages. {{missing}}

const dates = "2024-01-05, 2023-12-31 and 1999-07-04";
console.log(dates.replace(/(?<year>\d{4})-(?<month>\d\d)-(?<day>\d\d)/g, "$<day>.$<month>.$<year>")); // expect: 05.01.2024, 31.12.2023 and 04.07.1999
console.log(dates.replace(/(\d{4})-(\d\d)-(\d\d)/g, "$3/$2/$1"), dates.replace(/\d{4}/, "[$&]")); // expect: 05/01/2024, 31/12/2023 and 04/07/1999 [2024]-01-05, 2023-12-31 and 1999-07-04
console.log("a.b.c".replace(/\./g, "$$"), "wrap".replace(/.*/, "<$&>"), "x".replace(/x/, "$'$`!")); // expect: a$b$c <wrap> !

const ini = `
; comment
[server]
host = example.org
port=8080

[paths]
root = /var/www   
logs= /var/log/app ; trailing
`;
function parseIni(text) {
  const out = {};
  let section = out;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s*;.*$/, "").trim();
    if (line === "") continue;
    let m;
    if ((m = /^\[(?<name>[^\]]+)\]$/.exec(line))) section = out[m.groups.name] = {};
    else if ((m = /^(?<k>[^=]+?)\s*=\s*(?<v>.*)$/.exec(line))) section[m.groups.k] = m.groups.v;
  }
  return out;
}
console.log(parseIni(ini)); // expect: {
// expect:   server: { host: 'example.org', port: '8080' },
// expect:   paths: { root: '/var/www', logs: '/var/log/app' }
// expect: }

const log = `2024-03-01T10:00:01 INFO  user=ann action=login
2024-03-01T10:00:05 WARN  user=bob action=retry attempts=3
2024-03-01T10:01:00 ERROR user=ann action=upload size=1048576
2024-03-01T10:02:30 INFO  user=cy  action=logout`;
const levels = {};
const users = new Set();
for (const m of log.matchAll(/^(?<time>\S+)\s+(?<level>[A-Z]+)\s+(?<rest>.*)$/gm)) {
  levels[m.groups.level] = (levels[m.groups.level] ?? 0) + 1;
  const fields = Object.fromEntries([...m.groups.rest.matchAll(/(\w+)=(\S+)/g)].map((f) => [f[1], f[2]]));
  users.add(fields.user);
  if (m.groups.level !== "INFO") console.log(m.groups.time.slice(11), m.groups.level, fields); // expect: 10:00:05 WARN { user: 'bob', action: 'retry', attempts: '3' }
  // expect: 10:01:00 ERROR { user: 'ann', action: 'upload', size: '1048576' }
}
console.log(levels, [...users].sort().join("|")); // expect: { INFO: 2, WARN: 1, ERROR: 1 } ann|bob|cy
console.log(log.split(/\n/).length, log.search(/ERROR/), log.match(/^\S+/gm).length); // expect: 4 127 4
