// An async arrow bound to a name is refused like any async function: compiled as a plain
// arrow it would return its value instead of a promise.
const load = async () => 1;
console.log(load());
// expect compile error: 3:14: async functions are not supported
