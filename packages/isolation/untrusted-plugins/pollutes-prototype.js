// Changes the globals of the realm it runs in: every object gains a member,
// and JSON.stringify stops telling the truth. Its own answer looks fine.
export default {
  meters: ['untrusted.pollutes'],
  poll() {
    Object.prototype.polluted = 'yes';
    JSON.stringify = () => '"hijacked"';
    return [{ meter: 'untrusted.pollutes', volume: 1 }];
  },
};
