export const handler = {
  eventTypes: ['compute.instance.*'],
  process() {
    return [];
  },
};
