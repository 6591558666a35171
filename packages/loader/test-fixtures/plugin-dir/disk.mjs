export default {
  meters: ['disk.read.bytes', 'disk.write.bytes'],
  poll() {
    return [];
  },
};
