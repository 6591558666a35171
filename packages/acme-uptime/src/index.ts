export { UptimePollster } from './uptime-pollster.ts';
