// Prints the program's own arguments.
console.log(process.argv.slice(2));
