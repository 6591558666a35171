// Answers its call and leaves a promise rejected with no handler: Node ends a
// process on an unhandled rejection.
export default {
  meters: ['untrusted.rejects'],
  poll() {
    Promise.reject(new Error('rejects-unhandled: a forgotten promise'));
    return [];
  },
};
