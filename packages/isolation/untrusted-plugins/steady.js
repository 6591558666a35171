// An honest pollster: the neighbour whose calls must keep working whatever the others do.
export default {
  meters: ['untrusted.steady'],
  poll() {
    return [{ meter: 'untrusted.steady', volume: 1 }];
  },
};
