export class AuditHandler {
  eventTypes = ['*'];

  process() {
    return [];
  }
}
