// Present in the folder but not listed in `exports`: no reference can reach it.
export const Hidden = {};
