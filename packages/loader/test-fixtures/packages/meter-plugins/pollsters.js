export const cpu = {
  meters: ['cpu'],
  poll() {
    return [];
  },
};
