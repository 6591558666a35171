// An example that works: prints one line and exits 0.
console.log('hello');
