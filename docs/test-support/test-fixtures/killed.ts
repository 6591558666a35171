// An example that dies by a signal, as one killed by the system's OOM killer would:
// no exit code, only the signal.
process.kill(process.pid, 'SIGKILL');
