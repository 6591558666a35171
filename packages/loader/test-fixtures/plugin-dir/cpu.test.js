// A test beside a plugin: never a plugin.
export default {};
