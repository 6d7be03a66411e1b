// Dog.describe is replaced by a function that calls super: its home class becomes the new
// Dog, so super reaches Animal.describe. Puppy's unchanged method calls super.describe()
// and must now reach the replaced Dog.describe.
module.exports = function (dsu) {
  dsu.replaceMethod("Dog", "describe", function () {
    return `${super.describe()}!`;
  });
};
