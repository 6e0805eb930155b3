// tslab compiles a notebook's TypeScript to CommonJS, where `import()` becomes
// `require()`, and the engine is an ES module: this keeps the real import().
module.exports = (specifier) => import(specifier);
