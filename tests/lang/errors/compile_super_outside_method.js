// `super` in an arrow with no method around it has no home object: node's SyntaxError, here
// a compile error at the super access.
const read = () => super.x;
// expect compile error: 3:20: 'super' keyword unexpected here
