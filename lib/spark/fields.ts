// Setting a row's field by name, whatever the name: a field called __proto__ is defined, not assigned,
// so that it stays a field (an assignment would set the object's prototype).
export function setField(row: Record<string, string | null>, name: string, value: string | null): void {
  if (name === '__proto__') Object.defineProperty(row, name, { value, enumerable: true, writable: true });
  else row[name] = value;
}
