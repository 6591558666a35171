const meters: string[] = ['memory.usage'];

export default {
  meters,
  poll(): never[] {
    return [];
  },
};
