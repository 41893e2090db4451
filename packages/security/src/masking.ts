/** ID number masked as DOMAIN.md §8 says: first 6 and last 4. @example maskIdNumber('11010519491231002X') // '110105********002X' */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length <= 10) return '*'.repeat(idNumber.length);
  return `${idNumber.slice(0, 6)}${'*'.repeat(idNumber.length - 10)}${idNumber.slice(-4)}`;
}

/** Mobile number masked to its first 3 and last 4 digits. @example maskMobile('13800138000') // '138****8000' */
export function maskMobile(mobile: string): string {
  if (mobile.length < 8) return '*'.repeat(mobile.length);
  return `${mobile.slice(0, 3)}${'*'.repeat(mobile.length - 7)}${mobile.slice(-4)}`;
}

/** A name with all but its first character hidden. @example maskName('张三丰') // '张**' */
export function maskName(name: string): string {
  const characters = [...name];
  return characters.length <= 1 ? name : `${characters[0]}${'*'.repeat(characters.length - 1)}`;
}
