// An example that never ends: the runner's time limit has to kill it.
setInterval(() => {}, 60_000);
