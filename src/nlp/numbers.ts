/**
 * The numbers a text states, by value, whether written in digits or words: "three" and "3" are the same
 * number, "twenty-one" is 21, "1,200" and "twelve hundred" are 1200, "2.5 million" is 2,500,000.
 * Used by the model checks (a claim states no number its evidence lacks) and by count slots.
 */

/** Number words up to ninety, by value. */
export const NUMBER_WORD_VALUES: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = {
  dozen: 12,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};

// Digits (with thousands separators or a decimal part) or a word; one pass, no backtracking.
const TOKEN = /\d+(?:[.,]\d+)*|\p{L}+/gu;

function digitValue(token: string): number {
  // "1,200" is a thousands separator; "2.5" a decimal point.
  return Number(token.replace(/,/g, ""));
}

/** Every number `text` states, as values. Linear in the text's length. */
export function numberValues(text: string): Set<number> {
  const values = new Set<number>();
  let total = 0;
  let current = 0;
  let open = false;
  let numeral = false;
  const close = () => {
    if (open) values.add(total + current);
    total = 0;
    current = 0;
    open = false;
    numeral = false;
  };
  // Does a number word continue the number so far ("twenty" + "one", "hundred" + "fifty")?
  const continues = (value: number) =>
    !numeral &&
    (value < 10 ? current % 10 === 0 && (current % 100 === 0 || current % 100 >= 20) : current % 100 === 0);
  for (const match of text.toLowerCase().matchAll(TOKEN)) {
    const token = match[0];
    if (/^\d/.test(token)) {
      // Two numerals in a row ("10 20") are two numbers; a numeral after words ("twenty 5") starts anew.
      close();
      current = digitValue(token);
      open = true;
      numeral = true;
    } else if (token in NUMBER_WORD_VALUES) {
      const value = NUMBER_WORD_VALUES[token] ?? 0;
      // "twenty one" adds up; "five six" and "5 six" are two numbers.
      if (open && !continues(value)) close();
      current += value;
      open = true;
    } else if (token === "hundred") {
      current = (open ? current : 1) * 100;
      open = true;
    } else if (token in SCALES) {
      total += (open ? current : 1) * (SCALES[token] ?? 1);
      numeral = false;
      current = 0;
      open = true;
    } else if (token === "and" && open) {
      // "two hundred and fifty": the number goes on.
    } else close();
  }
  close();
  return values;
}
