/**
 * `compute` memoised per key object: computed on first use and kept as long as the key lives (a WeakMap,
 * so an article's index or a digest takes what was derived from it along when it goes).
 */
export function memoizeWeak<K extends object, V extends object>(compute: (key: K) => V): (key: K) => V {
  const memo = new WeakMap<K, V>();
  return (key) => {
    let value = memo.get(key);
    if (value === undefined) {
      value = compute(key);
      memo.set(key, value);
    }
    return value;
  };
}
