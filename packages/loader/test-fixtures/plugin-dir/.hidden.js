// A dotfile: never a plugin.
export default {};
