// Answers its call, then throws from a timer: an uncaught exception outside
// any call the host made, where no call guard can catch it.
export default {
  meters: ['untrusted.throws-later'],
  poll() {
    setTimeout(() => {
      throw new Error('throws-later: thrown from a timer, after the call returned');
    });
    return [];
  },
};
