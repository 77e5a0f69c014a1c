// A spreadsheet runs a cell that begins with one of these as a formula (OWASP "CSV injection"). Tab and carriage
// return count because some spreadsheets skip them and read the formula behind; the full-width forms because
// Apple Numbers folds them to the ASCII ones. We neutralise in the app rather than through a CSV library's
// option: papaparse's escapeFormulae misses cells that contain a newline (see TOOLCHAIN.md), and one rule of
// our own is easier to test than two libraries' defaults.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * A cell value that a spreadsheet shows as text. A leading apostrophe is the spreadsheet convention for "this is
 * text"; other tools show it, which is the price of opening safely in Excel and LibreOffice.
 */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
