// Answers its call, then throws from a callback (setImmediate, which runs
// before the next message is read): an uncaught exception outside any call
// the host made, where no call guard can catch it.
export default {
  meters: ['untrusted.throws-later'],
  poll() {
    setImmediate(() => {
      throw new Error('throws-later: thrown from a callback, after the call returned');
    });
    return [];
  },
};
