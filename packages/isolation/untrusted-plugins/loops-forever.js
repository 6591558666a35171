// Never gives its thread back. In the host's process no timer can fire to stop
// it; in a worker or a child, the host stops the worker or child.
export default {
  meters: ['untrusted.loops'],
  poll() {
    for (;;) {
      // spins
    }
  },
};
