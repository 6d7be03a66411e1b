// The user exported the policies as a record instead of a function of dsu.
module.exports = {
  reserved: 1,
};
