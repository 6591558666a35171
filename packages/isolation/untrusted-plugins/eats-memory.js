// Keeps everything it allocates until the heap is full. In the host's process,
// the host dies of it; under a heap limit, only the worker or child does.
const hoard = [];

export default {
  meters: ['untrusted.eats'],
  poll() {
    for (;;) hoard.push(new Array(100_000).fill(0.5));
  },
};
