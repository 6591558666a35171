// In a subfolder: the scan reads one level only.
export default {};
