// A third party's plugin is an ordinary class: a host that does not load
// plugins at all can still import it and call it.
import { UptimePollster } from '@acme/meter-uptime';

const [sample] = new UptimePollster().poll();
console.log(sample?.meter, sample?.unit);
