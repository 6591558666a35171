// A third party's plugins, in plain JavaScript. Nothing here imports the host
// or plugin-patterns: package.json declares them under entryPoints, and the
// host constructs each class it finds there.
export class PlainGreeter {
  greet(name) {
    return `Hello, ${name}.`;
  }
}

export class ShoutGreeter {
  greet(name) {
    return `HELLO, ${name.toUpperCase()}!`;
  }
}
