// A process that does nothing but say so: what Node itself costs to start and exit, for scale.
console.log(JSON.stringify({ ready: performance.now(), done: performance.now() }));
