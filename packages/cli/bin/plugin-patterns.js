#!/usr/bin/env node
// The `plugin-patterns` command as package managers link it. The command is
// built (dist/bin.js); this small file is committed so that it exists before
// anything is built, and an install on a fresh clone can link the command.
import '../dist/bin.js';
