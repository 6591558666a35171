export default {
  meters: ['cpu'],
  poll() {
    return [];
  },
};
