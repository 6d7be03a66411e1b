class OldDiscount {
  apply(x) {
    return x;
  }
}
module.exports = { OldDiscount };
