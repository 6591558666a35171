// pnpm's hooks for this workspace.
module.exports = {
  hooks: {
    // A packed package leaves out its devDependencies: they are this repository's
    // test tools and workspace packages, which no user installs, and npm would
    // try to fetch them for a package folder installed by path.
    beforePacking(manifest) {
      const { devDependencies: _, ...packed } = manifest;
      return packed;
    },
  },
};
