// An example that fails the ordinary way: a message on stderr and a non-zero exit code.
console.error('broken on purpose');
process.exitCode = 2;
