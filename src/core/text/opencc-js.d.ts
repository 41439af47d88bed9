// opencc-js ships types for its entry points but not for its dictionaries,
// which are ES modules exporting one string each ("源 替换|源 替换|…").
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
