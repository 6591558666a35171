// Asks for more memory in one allocation (a 32 MB array) than a 16 MB heap
// limit allows in all: not a heap that grows step by step, but one request.
export default {
  poll() {
    return new Array(4_194_304).fill(0.5).length;
  },
};
