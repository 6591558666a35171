// Ends the process it runs in: the host's, if it runs in the host's.
export default {
  meters: ['untrusted.exits'],
  poll() {
    process.exit(3);
  },
};
